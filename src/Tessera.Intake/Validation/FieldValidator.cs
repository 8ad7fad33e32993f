using System.Globalization;
using Tessera.Intake.Dictionaries;

namespace Tessera.Intake.Validation;

/// <summary>
/// Parses and checks one field's values against its dictionary definition. Built once per
/// field and reused for every row, so code lists are hash lookups and code values are shared
/// strings rather than one allocation per row.
/// </summary>
public sealed class FieldValidator
{
    /// <summary>Longest Bloom filter accepted, in bytes (8,192 bits; clkhash writes 128).</summary>
    private const int MaxBloomFilterBytes = 1024;

    private static readonly string[] TimestampFallbacks = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];
    private readonly HashSet<string>? _codes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _codeLookup;
    private readonly HashSet<long>? _integerCodes;
    private readonly DateTime _latestDate;
    private readonly string[] _dateFormats;
    private readonly DateFormat?[] _compiled;

    /// <summary>Creates the validator for <paramref name="field"/>; dates after <paramref name="today"/> are future dates.</summary>
    public FieldValidator(FieldDefinition field, DateOnly today, bool reportInvalidCodes)
    {
        ArgumentNullException.ThrowIfNull(field);
        Field = field;
        ReportsInvalidCodes = reportInvalidCodes;
        if (field.Codes.Count > 0)
        {
            if (field.Kind == FieldType.Integer)
            {
                _integerCodes = [.. field.Codes.Keys.Select(k => long.Parse(k, CultureInfo.InvariantCulture))];
            }
            else
            {
                _codes = new HashSet<string>(field.Codes.Keys, StringComparer.Ordinal);
                _codeLookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }

        _latestDate = today.ToDateTime(TimeOnly.MaxValue);
        _dateFormats = field.Kind == FieldType.DateTime && field.Format is null ? TimestampFallbacks : [field.EffectiveFormat];
        _compiled = _dateFormats.Select(f => f.Contains('\'', StringComparison.Ordinal) ? null : DateFormat.TryCompile(f)).ToArray();
    }

    /// <summary>The field checked.</summary>
    public FieldDefinition Field { get; }

    /// <summary>True when code-list violations are reported but the value is kept (HMIS).</summary>
    public bool ReportsInvalidCodes { get; }

    /// <summary>
    /// Checks <paramref name="raw"/> (or a typed value from Parquet) and produces the value to
    /// store. A code outside the list is returned as <see cref="RuleBroken.Code"/> together with
    /// the parsed value, so a caller that only reports codes can still keep it.
    /// </summary>
    public RuleBroken Check(ReadOnlySpan<char> raw, object? typed, out StoredValue value)
    {
        value = StoredValue.Null;
        if (typed is not null and not string)
        {
            return CheckTyped(typed, out value);
        }

        var text = typed is string s ? s.AsSpan().Trim() : raw.Trim();
        if (text.IsEmpty)
        {
            return Field.Required ? RuleBroken.Required : RuleBroken.None;
        }

        return Field.Kind switch
        {
            FieldType.String => CheckText(text, out value),
            FieldType.Integer => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? CheckInteger(number, out value)
                : RuleBroken.Type,
            FieldType.Decimal or FieldType.Money => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                ? CheckDecimal(amount, out value)
                : RuleBroken.Type,
            FieldType.Date or FieldType.DateTime => TryParseDate(text, out var time)
                ? CheckTime(time, out value)
                : RuleBroken.Type,
            FieldType.BloomFilter => CheckBloomFilter(text, out value),
            _ => RuleBroken.Type,
        };
    }

    private bool TryParseDate(ReadOnlySpan<char> text, out DateTime time)
    {
        for (var i = 0; i < _dateFormats.Length; i++)
        {
            if (_compiled[i] is { } compiled ? compiled.TryParse(text, out time) : DateTime.TryParseExact(text, _dateFormats[i], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            {
                return true;
            }
        }

        time = default;
        return false;
    }

    private RuleBroken CheckText(ReadOnlySpan<char> text, out StoredValue value)
    {
        value = StoredValue.Null;
        if (Field.MaxLength is { } max && text.Length > max)
        {
            return RuleBroken.Length;
        }

        if (_codes is not null)
        {
            if (_codeLookup.TryGetValue(text, out var code))
            {
                value = StoredValue.Of(code);
                return RuleBroken.None;
            }

            value = StoredValue.Of(text.ToString());
            return RuleBroken.Code;
        }

        value = StoredValue.Of(text.ToString());
        return RuleBroken.None;
    }

    private static RuleBroken CheckBloomFilter(ReadOnlySpan<char> text, out StoredValue value)
    {
        Span<byte> bits = stackalloc byte[MaxBloomFilterBytes];
        value = StoredValue.Of(text.ToString());
        return Convert.TryFromBase64Chars(text, bits, out var length) && length > 0 ? RuleBroken.None : RuleBroken.Type;
    }

    private RuleBroken CheckInteger(long number, out StoredValue value)
    {
        value = StoredValue.Of(number);
        if (_integerCodes is not null && !_integerCodes.Contains(number))
        {
            return RuleBroken.Code;
        }

        return OutOfRange(number) ? RuleBroken.Range : RuleBroken.None;
    }

    private RuleBroken CheckDecimal(decimal amount, out StoredValue value)
    {
        value = StoredValue.Null;
        if (Field.Kind == FieldType.Money && amount.Scale > 2)
        {
            return RuleBroken.Type;
        }

        if (OutOfRange(amount))
        {
            return RuleBroken.Range;
        }

        value = StoredValue.Of(amount);
        return RuleBroken.None;
    }

    private RuleBroken CheckTime(DateTime time, out StoredValue value)
    {
        value = StoredValue.Null;
        if (time.Year < 1850)
        {
            return RuleBroken.Range;
        }

        if (!Field.Future && time > _latestDate)
        {
            return RuleBroken.Future;
        }

        value = Field.Kind == FieldType.Date ? StoredValue.OfDate(time.Date) : StoredValue.OfTimestamp(time);
        return RuleBroken.None;
    }

    private bool OutOfRange(decimal number) => (Field.Min is { } min && number < min) || (Field.Max is { } max && number > max);

    private RuleBroken CheckTyped(object typed, out StoredValue value)
    {
        value = StoredValue.Null;
        switch (Field.Kind, typed)
        {
            case (FieldType.Integer, long or int or short or byte):
                return CheckInteger(Convert.ToInt64(typed, CultureInfo.InvariantCulture), out value);
            case (FieldType.Decimal or FieldType.Money, decimal or double or float or long or int):
                return CheckDecimal(Convert.ToDecimal(typed, CultureInfo.InvariantCulture), out value);
            case (FieldType.Date or FieldType.DateTime, DateTime time):
                return CheckTime(time, out value);
            case (FieldType.Date or FieldType.DateTime, DateOnly date):
                return CheckTime(date.ToDateTime(TimeOnly.MinValue), out value);
            case (FieldType.Date or FieldType.DateTime, DateTimeOffset offset):
                return CheckTime(offset.UtcDateTime, out value);
            case (FieldType.String, _):
                return CheckText(Convert.ToString(typed, CultureInfo.InvariantCulture).AsSpan(), out value);
            default:
                return RuleBroken.Type;
        }
    }

    /// <summary>Plain-language description of what <paramref name="rule"/> expected of this field.</summary>
    public string Expectation(RuleBroken rule) => rule switch
    {
        RuleBroken.Required => "a value (the field is required)",
        RuleBroken.Type => Field.Kind switch
        {
            FieldType.Integer => "a whole number",
            FieldType.Decimal => "a number such as 12.5",
            FieldType.Money => "an amount such as 1234.56 (no currency sign, at most two decimals)",
            FieldType.Date => $"a date that exists, written {Field.EffectiveFormat}",
            FieldType.DateTime => $"a date and time written {Field.EffectiveFormat}",
            FieldType.BloomFilter => $"a Bloom filter in base64 of at most {MaxBloomFilterBytes} bytes, as an encoder such as clkhash writes it",
            _ => "text",
        },
        RuleBroken.Code => "one of " + string.Join(", ", Field.Codes.Keys.Take(12)) + (Field.Codes.Count > 12 ? ", …" : ""),
        RuleBroken.Range => Field.Kind is FieldType.Date or FieldType.DateTime ? "a date after 1850" : $"a number from {Field.Min?.ToString(CultureInfo.InvariantCulture) ?? "any"} to {Field.Max?.ToString(CultureInfo.InvariantCulture) ?? "any"}",
        RuleBroken.Length => $"at most {Field.MaxLength} characters",
        RuleBroken.Future => "a date no later than the day of ingest",
        _ => "a valid value",
    };
}
