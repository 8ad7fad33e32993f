using Tessera.Core.Time;

namespace Tessera.Core.Tests;

public class YearMonthTests
{
    [Theory]
    [InlineData("2024-03", 2024, 3)]
    [InlineData("0001-12", 1, 12)]
    public void Valid_months_parse(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var value));
        Assert.Equal(new YearMonth(year, month), value);
        Assert.Equal(text, value.ToString());
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-3")]
    [InlineData("24-03")]
    [InlineData("2024/03")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_months_do_not_parse(string? text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void Adding_months_crosses_years_both_ways()
    {
        var month = new YearMonth(2024, 11);
        Assert.Equal(new YearMonth(2025, 2), month.AddMonths(3));
        Assert.Equal(new YearMonth(2023, 12), month.AddMonths(-11));
    }

    [Fact]
    public void Last_day_knows_leap_years()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), new YearMonth(2024, 2).LastDay);
        Assert.Equal(new DateOnly(2023, 2, 28), new YearMonth(2023, 2).LastDay);
    }

    [Fact]
    public void The_last_month_of_the_calendar_has_a_last_day() =>
        Assert.Equal(new DateOnly(9999, 12, 31), new YearMonth(9999, 12).LastDay);
}
