using Convertify.Excel;

namespace Convertify.Conversion;

/// <summary>Registers the Excel catalogue writer.</summary>
public static class ExcelConverterBuilderExtensions
{
    /// <summary>Adds the <c>xlsx</c> catalogue writer.</summary>
    public static ConverterBuilder AddExcel(this ConverterBuilder builder, ExcelCatalogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCatalogWriter(new ExcelCatalogWriter(options));
    }
}
