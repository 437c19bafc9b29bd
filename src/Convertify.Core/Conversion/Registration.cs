namespace Convertify.Conversion;

/// <summary>One registration with a <see cref="ConverterBuilder"/>: an instance the host owns, or a factory whose products the converter owns.</summary>
internal sealed record Registration<T>(T? Instance, Func<T>? Create) where T : class
{
    public static Registration<T> Of(T instance) => new(instance, null);

    public static Registration<T> Of(Func<T> create) => new(null, create);
}
