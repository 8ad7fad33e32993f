using Tessera.Core.Contracting;

namespace Tessera.Contracts.Tests;

public class MoneyAndIdTests
{
    [Theory]
    [InlineData("250000.00", 250000.00)]
    [InlineData("1200", 1200)]
    [InlineData("0.10", 0.10)]
    public void Amounts_with_at_most_two_decimals_read_exactly(string text, decimal amount)
    {
        Assert.True(Money.TryParse(text, out var money));
        Assert.Equal(amount, money.Amount);
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("1,200.00")]
    [InlineData("$12")]
    [InlineData("twelve")]
    public void Other_amounts_do_not_read(string text) => Assert.False(Money.TryParse(text, out _));

    [Theory]
    [InlineData(0.125, 0.13)]
    [InlineData(-0.125, -0.13)]
    [InlineData(0.124, 0.12)]
    public void Rounding_to_cents_takes_halves_away_from_zero(decimal amount, decimal rounded) =>
        Assert.Equal(rounded, new Money(amount).RoundToCents().Amount);

    [Fact]
    public void Ten_cents_ten_times_is_exactly_a_dollar() =>
        Assert.Equal(new Money(1m), Enumerable.Repeat(new Money(0.10m), 10).Aggregate(Money.Zero, (a, b) => a + b));

    [Theory]
    [InlineData("WF01", true)]
    [InlineData("WF01-2024", true)]
    [InlineData("a.b_c", true)]
    [InlineData("-lead", false)]
    [InlineData("has space", false)]
    [InlineData("", false)]
    public void Ids_are_short_and_safe_in_urls_and_files(string text, bool valid)
    {
        Assert.Equal(valid, ProviderId.TryParse(text, out _));
        Assert.Equal(valid, ContractId.TryParse(text, out _));
    }
}
