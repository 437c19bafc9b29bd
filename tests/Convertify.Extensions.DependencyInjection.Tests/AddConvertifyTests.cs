using System.Text;
using Convertify.Conversion;
using Convertify.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Convertify.Extensions.DependencyInjection.Tests;

public sealed class AddConvertifyTests
{
    private const string Article = "<!--1700000000000-->\n[A synthetic title](https://www.voachinese.com/a/1.html)\n------\n\n<div><p>One paragraph of synthetic text.</p></div>\n";

    [Fact]
    public void Resolves_a_converter_with_the_formats_the_callback_added()
    {
        using var provider = new ServiceCollection().AddConvertify(b => b.AddArchiveReader().AddMarkdown()).BuildServiceProvider();

        var converter = provider.GetRequiredService<Converter>();

        converter.Registry.Readers.Select(r => r.Format.Name).ShouldBe(["archive"]);
        converter.Registry.WriterNames.ShouldBe(["md"]);
        var article = converter.ReadString(Article, "articles/voa/1.md");
        using var output = new MemoryStream();
        converter.Write(article, "md", output);
        Encoding.UTF8.GetString(output.ToArray()).ShouldContain("One paragraph of synthetic text.");
    }

    [Fact]
    public void The_converter_and_its_registry_are_singletons_built_once()
    {
        var builds = 0;
        using var provider = new ServiceCollection().AddConvertify(b => { builds++; b.AddMarkdown(); }).BuildServiceProvider();

        var first = provider.GetRequiredService<Converter>();
        using (var scope = provider.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<Converter>().ShouldBeSameAs(first);
        }

        provider.GetRequiredService<Converter>().ShouldBeSameAs(first);
        provider.GetRequiredService<FormatRegistry>().ShouldBeSameAs(first.Registry);
        builds.ShouldBe(1);
    }

    [Fact]
    public void Nothing_is_built_before_the_converter_is_first_resolved()
    {
        var builds = 0;
        using var provider = new ServiceCollection().AddConvertify(_ => builds++).BuildServiceProvider();

        builds.ShouldBe(0);
        provider.GetRequiredService<FormatRegistry>();
        builds.ShouldBe(1);
    }

    [Fact]
    public void The_container_creates_the_converter_through_a_factory_so_it_disposes_it()
    {
        // MS.DI disposes the IDisposable singletons it created (factory or type), never a given instance.
        var services = new ServiceCollection().AddConvertify(b => b.AddMarkdown());

        var descriptor = services.Single(d => d.ServiceType == typeof(Converter));
        descriptor.Lifetime.ShouldBe(ServiceLifetime.Singleton);
        descriptor.ImplementationFactory.ShouldNotBeNull();
        descriptor.ImplementationInstance.ShouldBeNull();
    }

    [Fact]
    public void Disposing_the_provider_disposes_the_formats_the_converter_created_and_not_a_host_instance()
    {
        var created = new DisposableWriter("made");
        var given = new DisposableWriter("given");
        var services = new ServiceCollection().AddConvertify(b => b.AddWriter(() => created).AddWriter(given));

        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<Converter>().Registry.WriterNames.ShouldBe(["given", "made"], ignoreOrder: true);
            created.Disposed.ShouldBeFalse();
        }

        created.Disposed.ShouldBeTrue();
        given.Disposed.ShouldBeFalse();
    }

    private sealed class DisposableWriter(string name) : Convertify.Formats.IArticleWriter, IDisposable
    {
        public bool Disposed { get; private set; }

        public Convertify.Formats.FormatInfo Format { get; } = new(name, "a test writer", ".txt");

        public void Write(Convertify.Model.Article article, Stream output) => output.WriteByte((byte)'x');

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void A_second_registration_is_refused()
    {
        var services = new ServiceCollection().AddConvertify(b => b.AddMarkdown());

        Should.Throw<InvalidOperationException>(() => services.AddConvertify(b => b.AddArchiveReader()))
            .Message.ShouldContain("already registered");
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Should.Throw<ArgumentNullException>(() => ConvertifyServiceCollectionExtensions.AddConvertify(null!, _ => { }));
        Should.Throw<ArgumentNullException>(() => new ServiceCollection().AddConvertify(null!));
    }
}
