using Convertify.Conversion;
using Microsoft.Extensions.DependencyInjection;

namespace Convertify.Extensions.DependencyInjection;

/// <summary>Registers Convertify in a host's <see cref="IServiceCollection"/>.</summary>
public static class ConvertifyServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="Converter"/>, built by <paramref name="configure"/> on the first resolve, and its
    /// <see cref="FormatRegistry"/>, both as singletons. The container creates the converter through a factory, so
    /// it also disposes it with the provider when the converter is disposable.
    /// </summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="configure">Adds the readers and writers: <c>b =&gt; b.AddArchiveReader().AddMarkdown()</c>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">A converter is already registered in <paramref name="services"/>.</exception>
    public static IServiceCollection AddConvertify(this IServiceCollection services, Action<ConverterBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        // Two calls would leave one converter silently shadowing the other's formats.
        if (services.Any(d => d.ServiceType == typeof(Converter)))
        {
            throw new InvalidOperationException("Convertify is already registered: call AddConvertify once, with every format in its callback");
        }
        services.AddSingleton(_ =>
        {
            var builder = new ConverterBuilder();
            configure(builder);
            return builder.Build();
        });
        services.AddSingleton(provider => provider.GetRequiredService<Converter>().Registry);
        return services;
    }
}
