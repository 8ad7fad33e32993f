using System.Globalization;

namespace Tessera.Core.Contracting;

/// <summary>
/// An amount of US dollars, held as <see cref="decimal"/> so that cents add up exactly (a
/// <see cref="double"/> cannot hold 0.10). Amounts read from files and forms have at most two
/// decimals; results of arithmetic keep their precision until <see cref="RoundToCents"/>, the one
/// rounding rule: to the nearest cent, halves away from zero (as a finance office rounds).
/// </summary>
public readonly record struct Money(decimal Amount) : IComparable<Money>
{
    /// <summary>No money.</summary>
    public static Money Zero => new(0m);

    /// <summary>Reads an amount written with a dot for decimals and at most two of them, e.g. <c>250000.00</c> or <c>1200</c>.</summary>
    public static bool TryParse(string? text, out Money money)
    {
        money = default;
        if (text is null || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            || decimal.Round(amount, 2) != amount)
        {
            return false;
        }

        money = new Money(amount);
        return true;
    }

    /// <summary>The amount rounded to the nearest cent, halves away from zero.</summary>
    public Money RoundToCents() => new(decimal.Round(Amount, 2, MidpointRounding.AwayFromZero));

    /// <summary>Adds.</summary>
    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount);

    /// <summary>Subtracts.</summary>
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount);

    /// <summary>Scales by a rate or a count.</summary>
    public static Money operator *(Money money, decimal factor) => new(money.Amount * factor);

    /// <summary>The amount with the opposite sign: what a withhold or a cap takes away.</summary>
    public static Money operator -(Money money) => new(-money.Amount);

    /// <summary>The named alternative of unary <c>-</c>.</summary>
    public static Money Negate(Money money) => -money;

    /// <summary>Compares.</summary>
    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

    /// <summary>Compares.</summary>
    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;

    /// <summary>Compares.</summary>
    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;

    /// <summary>Compares.</summary>
    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;

    /// <inheritdoc />
    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>Adds (for languages without operators).</summary>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Subtracts (for languages without operators).</summary>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Scales (for languages without operators).</summary>
    public static Money Multiply(Money money, decimal factor) => money * factor;

    /// <summary>The amount with two decimals, invariant: <c>250000.00</c>.</summary>
    public override string ToString() => RoundToCents().Amount.ToString("0.00", CultureInfo.InvariantCulture);
}
