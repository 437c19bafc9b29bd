using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Robustness.Tests.Support;
using Convertify.Testing;
using Convertify.Word;

namespace Convertify.Robustness.Tests;

/// <summary>
/// "Never crashes, never corrupts" for the Word writer's local image embedding (--images): generated and
/// mutated PNG/JPEG/GIF/WebP headers with extreme sizes, truncations and flipped bytes give a valid .docx
/// (the image embedded, or kept as a link with a warning), never a throw.
/// </summary>
public sealed class ImageEmbeddingFuzzTests
{
    private static readonly uint[] Sizes = [0, 1, 2, 100, 4000, 65535, 65536, 1_000_000, int.MaxValue, 0x80000000, uint.MaxValue];

    [Fact]
    public void Hostile_local_images_give_valid_documents()
    {
        var seed = FuzzSettings.Seed;
        var iterations = FuzzSettings.Duration is null ? 250 : int.MaxValue;
        var clock = Stopwatch.StartNew();
        using var temp = new TemporaryFolder();
        var reader = new ArchiveArticleReader();
        var warnings = 0;
        var embedded = 0;
        var failures = new List<string>();
        using var writer = new WordArticleWriter(new WordWriterOptions { ImageDirectory = temp.Path, Warn = _ => warnings++ });
        var i = 0;
        for (; i < iterations && (FuzzSettings.Duration is not { } d || clock.Elapsed < d); i++)
        {
            var random = FuzzLoop.ForIteration(seed, i);
            var names = new[] { "a.png", "b.jpg", "c.gif", "d.webp", "e.png" };
            foreach (var name in names)
            {
                File.WriteAllBytes(Path.Combine(temp.Path, name), Mutate(Image(name, random), random));
            }
            var body = string.Concat(names.Select(n => $"<figure><img src=\"https://x.example/{n}\" width=\"{Sizes[random.Next(Sizes.Length)]}\"><figcaption>cap</figcaption></figure><p>text</p>"));
            var article = reader.Read(ArticleInput.FromString("articles/voa/1.md", ArchiveText.Body(body)));
            using var docx = new MemoryStream();
            try
            {
                writer.Write(article, docx);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"input {i} (seed {seed}): the writer threw {e.GetType().Name}: {e.Message}");
                continue;
            }
            var problems = OpenXmlCheck.DocxProblems(docx.ToArray());
            if (problems.Count > 0)
            {
                failures.Add($"input {i} (seed {seed}): " + string.Join("; ", problems.Take(3)));
            }
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx.ToArray()));
            embedded += zip.Entries.Count(e => e.FullName.StartsWith("word/media/", StringComparison.Ordinal));
        }
        FuzzFigures.Record($"images: seed {seed}, {clock.Elapsed.TotalSeconds:0.0} s, documents {i}, images embedded {embedded}, warnings {warnings}, invalid or crashed {failures.Count}");
        embedded.ShouldBeGreaterThan(0, "some generated images should be embedded, or the embedding path is not exercised");
        failures.ShouldBeEmpty();
    }

    private static byte[] Image(string name, Random random)
    {
        uint Size() => Sizes[random.Next(Sizes.Length)];
        var bytes = new List<byte>();
        switch (Path.GetExtension(name))
        {
            case ".png":
                bytes.AddRange([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
                bytes.AddRange("IHDR"u8.ToArray());
                bytes.AddRange(BigEndian(Size()));
                bytes.AddRange(BigEndian(Size()));
                bytes.AddRange([8, 2, 0, 0, 0, 0, 0, 0, 0]);
                break;
            case ".jpg":
                bytes.AddRange([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]);
                bytes.AddRange(Encoding.ASCII.GetBytes("JFIF\0\u0001\u0001\0\0\u0001\0\u0001\0\0"));
                bytes.AddRange([0xFF, (byte)(0xC0 + random.Next(16)), 0x00, 0x11, 0x08]);
                bytes.AddRange(BigEndian(Size())[2..]);
                bytes.AddRange(BigEndian(Size())[2..]);
                bytes.AddRange([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9]);
                break;
            case ".gif":
                bytes.AddRange("GIF89a"u8.ToArray());
                bytes.AddRange(BitConverter.GetBytes((ushort)Size()));
                bytes.AddRange(BitConverter.GetBytes((ushort)Size()));
                bytes.AddRange([0, 0, 0, 0x3B]);
                break;
            default:
                bytes.AddRange("RIFF\0\0\0\0WEBPVP8 "u8.ToArray());
                break;
        }
        return [.. bytes];
    }

    private static byte[] Mutate(byte[] image, Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                return image.AsSpan(0, random.Next(image.Length + 1)).ToArray();
            case 1:
                image[random.Next(image.Length)] ^= (byte)(1 << random.Next(8));
                return image;
            default:
                return image;
        }
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
