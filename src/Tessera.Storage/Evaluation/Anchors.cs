using System.Globalization;

namespace Tessera.Storage.Evaluation;

/// <summary>
/// The anchor dates an evaluation studies (an exit, an episode's end, an assessment): from and to,
/// each open when null. Limiting them keeps out rows whose outcome cannot be known yet, e.g. exits
/// whose wage quarter the wage records have not reached (<see cref="To"/>), or persons who were
/// already being served when the study begins (<see cref="From"/>: where each person counts once,
/// it is their first row ever that must fall on or after it).
/// </summary>
/// <param name="From">The first anchor date, or null.</param>
/// <param name="To">The last anchor date, or null.</param>
public sealed record Anchors(DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>Every anchor.</summary>
    public static Anchors All { get; } = new();

    /// <summary>The parameters that say so, for the record.</summary>
    public IEnumerable<KeyValuePair<string, string>> Parameters()
    {
        if (From is { } from)
        {
            yield return new("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            yield return new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
