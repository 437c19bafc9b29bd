using System.Security.Cryptography;
using System.Text;
using Convertify.Text;

namespace Convertify.Core.Tests.Text;

public sealed class StartupSha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Managed_hash_matches_the_standard_vectors(string text, string expected)
    {
        var hash = new byte[32];
        StartupSha256.ManagedHashData(Encoding.ASCII.GetBytes(text), hash);
        Convert.ToHexStringLower(hash).ShouldBe(expected);
    }

    [Fact]
    public void Managed_hash_matches_openssl_at_every_length_around_the_block_boundaries()
    {
        var random = new Random(7);
        var failures = new List<int>();
        for (var length = 0; length <= 1100; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var managed = new byte[32];
            StartupSha256.ManagedHashData(data, managed);
            if (!managed.AsSpan().SequenceEqual(SHA256.HashData(data)))
            {
                failures.Add(length);
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Hashes_before_and_after_the_switch_to_openssl_are_the_same()
    {
        var data = Encoding.UTF8.GetBytes("新闻 archive text, hashed the same by both implementations");
        var expected = SHA256.HashData(data);
        for (var i = 0; i < StartupSha256.ManagedHashes * 2; i++)
        {
            var hash = new byte[32];
            StartupSha256.HashData(data, hash);
            hash.ShouldBe(expected);
        }
    }
}
