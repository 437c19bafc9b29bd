using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Core.Tests.Api;

/// <summary>Issue 23, point 7: a <see cref="Converter"/> disposes what its builder created, never what the host passed in.</summary>
public sealed class ConverterDisposalTests
{
    private sealed class DisposableWriter(string name) : IArticleWriter, IDisposable
    {
        public FormatInfo Format { get; } = new(name, "counts its disposals", "." + name);

        public int Disposals { get; private set; }

        public void Write(Article article, Stream output) => ObjectDisposedException.ThrowIf(Disposals > 0, this);

        public void Dispose() => Disposals++;
    }

    private sealed class DisposableDossierWriter : IDossierWriter, IDisposable
    {
        public FormatInfo Format { get; } = new("dossier", "counts its disposals", ".docx");

        public int Disposals { get; private set; }

        public IArticleSink Open(Stream output, DossierOptions? options = null) => throw new NotSupportedException();

        public void Dispose() => Disposals++;
    }

    [Fact]
    public void A_writer_made_by_the_builder_is_disposed_once_with_the_converter_and_the_hosts_own_is_not()
    {
        var hosts = new DisposableWriter("host");
        DisposableWriter? created = null;
        DisposableDossierWriter? dossier = null;
        var converter = new ConverterBuilder()
            .AddWriter(hosts)
            .AddWriter(() => created = new DisposableWriter("made"))
            .AddDossierWriter(() => dossier = new DisposableDossierWriter())
            .Build();
        converter.Registry.FindWriter("made").ShouldBeSameAs(created);

        converter.Dispose();
        converter.Dispose();

        created!.Disposals.ShouldBe(1);
        dossier!.Disposals.ShouldBe(1);
        hosts.Disposals.ShouldBe(0);
    }

    [Fact]
    public void Each_build_makes_its_own_writer_so_disposing_one_converter_leaves_the_other_working()
    {
        var builder = new ConverterBuilder().AddWriter(() => new DisposableWriter("made"));
        var first = builder.Build();
        using var second = builder.Build();

        first.Registry.FindWriter("made").ShouldNotBeSameAs(second.Registry.FindWriter("made"));
        first.Dispose();

        Should.NotThrow(() => second.WriteToBytes(ArticleSamples.Assemble(), "made"));
        Should.Throw<ObjectDisposedException>(() => first.WriteToBytes(ArticleSamples.Assemble(), "made"));
    }

    [Fact]
    public void A_made_writer_replaced_by_a_later_registration_is_disposed_at_once_and_a_replaced_host_writer_is_not()
    {
        var made = new List<DisposableWriter>();
        var hosts = new DisposableWriter("md");
        using var converter = new ConverterBuilder()
            .AddWriter(() =>
            {
                var writer = new DisposableWriter("md");
                made.Add(writer);
                return writer;
            })
            .AddWriter(hosts)
            .AddWriter(new DisposableWriter("md"))
            .Build();

        made.ShouldHaveSingleItem().Disposals.ShouldBe(1);
        hosts.Disposals.ShouldBe(0);
    }
}
