using Telematics.Dashboard.Exports;

namespace Telematics.Dashboard.Tests.Exports;

public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("12C-345.67", "12C-345.67")]
    [InlineData("HTX Vận tải, \"Kỳ Lừa\"", "\"HTX Vận tải, \"\"Kỳ Lừa\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+84 912", "'+84 912")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fields_are_quoted_per_rfc_4180_and_never_run_as_formulas(string? field, string written) =>
        Assert.Equal(written, CsvField.Quote(field));
}
