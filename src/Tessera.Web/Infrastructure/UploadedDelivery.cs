using Tessera.Intake.Delivering;
using Tessera.Storage.Workspaces;

namespace Tessera.Web.Infrastructure;

/// <summary>
/// Ingests files received over HTTP (the upload page, the delivery API) exactly as
/// <c>tessera ingest</c> would: they are written to a private folder inside the workspace, read
/// as one delivery, and removed whatever the outcome.
/// </summary>
public static class UploadedDelivery
{
    /// <summary>Ingests <paramref name="files"/> as one delivery of <paramref name="source"/>.</summary>
    public static async Task<DeliveryOutcome> IngestAsync(Workspace workspace, string source, string? period, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(files);
        var folder = Path.Combine(workspace.Folder, ".uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var paths = new List<string>();
            foreach (var file in files)
            {
                var name = Path.GetFileName(file.FileName);
                if (string.IsNullOrWhiteSpace(name) || name.StartsWith('.'))
                {
                    continue;
                }

                var path = Path.Combine(folder, name);
                await using (var target = File.Create(path))
                {
                    await file.CopyToAsync(target, cancellationToken);
                }

                paths.Add(path);
            }

            var request = new DeliveryRequest { Source = source, Paths = paths, DisplayRoot = folder, Period = string.IsNullOrWhiteSpace(period) ? null : period.Trim() };
            return await Task.Run(() => workspace.Ingest(request, workspace.Clock, cancellationToken: cancellationToken), cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
