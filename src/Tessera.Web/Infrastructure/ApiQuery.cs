using System.Globalization;

namespace Tessera.Web.Infrastructure;

/// <summary>How the JSON APIs read dates from a query and write them: <c>yyyy-MM-dd</c>, always.</summary>
internal static class ApiQuery
{
    /// <summary>Reads the query's <paramref name="name"/> as a day; false when it is there but not <c>yyyy-MM-dd</c>.</summary>
    public static bool TryDate(HttpContext context, string name, out DateOnly? date)
    {
        date = null;
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A day as the APIs write it.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
