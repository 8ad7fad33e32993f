using Tessera.Intake.Validation;

namespace Tessera.Intake.Quality;

/// <summary>Counts one field's filled values, invalid values by rule and (for coded fields) code frequencies while rows stream past.</summary>
internal sealed class FieldTally(string field, bool countCodes)
{
    private const int MaxDistinctCodes = 200;
    private readonly long[] _invalid = new long[Enum.GetValues<RuleBroken>().Length];
    private readonly Dictionary<string, long> _codes = new(StringComparer.Ordinal);
    private long _filled;
    private long _rows;

    public void Count(ReadOnlySpan<char> raw, RuleBroken rule)
    {
        _rows++;
        var text = raw.Trim();
        if (!text.IsEmpty)
        {
            _filled++;
            if (countCodes)
            {
                CountCode(text);
            }
        }

        _invalid[(int)rule]++;
    }

    private void CountCode(ReadOnlySpan<char> text)
    {
        var lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var count))
        {
            lookup[text] = count + 1;
        }
        else if (_codes.Count < MaxDistinctCodes)
        {
            _codes[text.ToString()] = 1;
        }
    }

    public FieldProfile ToProfile()
    {
        var profile = new FieldProfile { Field = field, Filled = _filled, Rows = _rows, Codes = new Dictionary<string, long>(_codes, StringComparer.Ordinal) };
        for (var i = 1; i < _invalid.Length; i++)
        {
            if (_invalid[i] > 0)
            {
                profile.Invalid[((RuleBroken)i).ToString()] = _invalid[i];
            }
        }

        return profile;
    }
}
