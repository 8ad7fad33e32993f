using System.Globalization;
using System.Net;
using System.Text;

namespace Tessera.Intake.Quality;

/// <summary>
/// Renders a quality report as one self-contained HTML page (inline styles, no scripts, no
/// external files) that a data partner can open from an e-mail or a shared drive.
/// </summary>
public static class QualityHtml
{
    private const string Style = "<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:70rem}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #a9aeb1;padding:.25rem .5rem;text-align:left}td.n{text-align:right}.bar{background:#005ea2;height:.8rem;display:inline-block}.warn{color:#b50909}</style>";

    /// <summary>The page for <paramref name="report"/>.</summary>
    public static string Render(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Data quality: {E(report.Source)} delivery #{report.DeliveryId}</title>
            {Style}</head><body>
            <h1>Data quality: {E(report.Source)} delivery #{report.DeliveryId}</h1>
            <p>Period {E(report.Period)} · dictionary {E(report.Dictionary)} · received {report.ReceivedUtc:yyyy-MM-dd HH:mm} UTC</p>
            <p><strong>{report.RowsRead:N0}</strong> rows read, <strong>{report.RowsAccepted:N0}</strong> stored, <strong>{report.RowsQuarantined:N0}</strong> quarantined.</p>
            """);
        foreach (var note in report.Notes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warn\">{E(note)}</p>");
        }

        html.Append("<h2>Drift from the previous delivery</h2>");
        html.Append(report.Drift.Count == 0
            ? (report.ComparedWithDeliveryId is null ? "<p>No earlier delivery to compare with.</p>" : $"<p>No notable change from delivery #{report.ComparedWithDeliveryId}.</p>")
            : "<ul>" + string.Concat(report.Drift.Select(d => $"<li>{E(d.Message)}</li>")) + "</ul>");
        foreach (var file in report.Files)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(file.File)} <small>({E(file.DeliveredAs)}, {E(file.Encoding)}, {file.Bytes:N0} bytes)</small></h2>");
            html.Append(CultureInfo.InvariantCulture, $"<p>{file.RowsRead:N0} rows read, {file.RowsAccepted:N0} stored, {file.RowsQuarantined:N0} quarantined, {file.DuplicateKeyRows:N0} with a duplicate key.</p>");
            if (file.Timeliness is { } t)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>Timeliness ({E(t.Field)}): median {t.MedianDays:N0} days before the period's end, 90th percentile {t.P90Days:N0} days; {t.ShareOlderThan90Days:P1} older than 90 days.</p>");
            }

            html.Append("<table><caption>Completeness and validity</caption><thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Filled</th><th scope=\"col\"></th><th scope=\"col\">Invalid</th></tr></thead><tbody>");
            foreach (var field in file.Fields)
            {
                var invalid = string.Join(", ", field.Invalid.Select(i => $"{i.Key}: {i.Value:N0}"));
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(field.Field)}</td><td class=\"n\">{field.Completeness:P1}</td><td><span class=\"bar\" style=\"width:{(int)(field.Completeness * 100)}px\"></span></td><td>{E(invalid)}</td></tr>");
            }

            html.Append("</tbody></table>");
            if (file.Consistency.Count > 0)
            {
                html.Append("<table><caption>Consistency</caption><thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Meaning</th><th scope=\"col\">Rows</th></tr></thead><tbody>");
                foreach (var finding in file.Consistency)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(finding.Check)}</td><td>{E(finding.Description)}</td><td class=\"n\">{finding.Rows:N0}</td></tr>");
                }

                html.Append("</tbody></table>");
            }
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
