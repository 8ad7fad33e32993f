using Tessera.Intake.Delivering;
using Tessera.Storage.Access;
using Tessera.Storage.Contracting;
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
    /// <remarks>The caller has been permitted already (and the permission recorded); <paramref name="provider"/> names the sender of a source providers deliver.</remarks>
    public static Task<DeliveryOutcome> IngestAsync(Workspace workspace, string source, string? period, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken, string? provider = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return IngestAsync(workspace, source, provider, period, files, request => workspace.Ingest(request, workspace.Clock, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <summary>Ingests <paramref name="files"/> as <paramref name="caller"/>'s delivery of <paramref name="source"/> for <paramref name="provider"/> (<see cref="ServiceDeliveries"/>: permitted and on record).</summary>
    public static Task<DeliveryOutcome> IngestAsync(Caller caller, string source, string provider, string? period, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return IngestAsync(caller.Workspace, source, provider, period, files, request => ServiceDeliveries.Deliver(caller, request, cancellationToken), cancellationToken);
    }

    private static async Task<DeliveryOutcome> IngestAsync(Workspace workspace, string source, string? provider, string? period, IReadOnlyList<IFormFile> files, Func<DeliveryRequest, DeliveryOutcome> ingest, CancellationToken cancellationToken)
    {
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

            var request = new DeliveryRequest { Source = source, Provider = provider, Paths = paths, DisplayRoot = folder, Period = string.IsNullOrWhiteSpace(period) ? null : period.Trim() };
            return await Task.Run(() => ingest(request), cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
