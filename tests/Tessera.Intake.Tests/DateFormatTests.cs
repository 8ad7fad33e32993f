using System.Globalization;
using Tessera.Intake.Validation;

namespace Tessera.Intake.Tests;

public class DateFormatTests
{
    [Theory]
    [InlineData("yyyy-MM-dd", "2024-02-29", true)]
    [InlineData("yyyy-MM-dd", "2023-02-29", false)]
    [InlineData("yyyy-MM-dd", "2023-02-30", false)]
    [InlineData("yyyy-MM-dd", "2023-2-03", false)]
    [InlineData("MM/dd/yyyy", "06/24/2024", true)]
    [InlineData("M/d/yyyy", "6/4/2024", true)]
    [InlineData("M/d/yyyy", "12/31/2024", true)]
    [InlineData("M/d/yyyy", "13/1/2024", false)]
    [InlineData("yyyyMMdd", "20240604", true)]
    [InlineData("yyyyMMdd", "2024064", false)]
    [InlineData("yyyyMM", "202406", true)]
    [InlineData("yyyy-MM-dd HH:mm:ss", "2021-01-28 15:55:00", true)]
    [InlineData("yyyy-MM-dd HH:mm:ss", "2021-01-28 24:00:00", false)]
    [InlineData("yyyy-MM-dd", "2024-06-04x", false)]
    public void Compiled_formats_agree_with_the_framework(string format, string text, bool valid)
    {
        var compiled = DateFormat.TryCompile(format);
        Assert.NotNull(compiled);
        var ours = compiled.TryParse(text, out var value);
        var framework = DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);
        Assert.Equal(valid, ours);
        Assert.Equal(framework, ours);
        if (ours)
        {
            Assert.Equal(expected, value);
        }
    }

    [Fact]
    public void Formats_with_month_names_are_left_to_the_framework() => Assert.Null(DateFormat.TryCompile("dd MMM yyyy"));
}
