using Governance.Application.Exports;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Server.Exports;

/// <summary>
/// <c>GET /exports/fleet.xlsx</c>: the leader's fleet workbook as a download named for the day, for leaders and administrators.
/// A link from the overview, so a browser session may follow it (an anonymous one is sent to sign in, as on every page).
/// </summary>
public static class ExportEndpoints
{
    public const string FleetWorkbookPath = "/exports/fleet.xlsx";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(FleetWorkbookPath, DownloadFleetWorkbookAsync).RequireAuthorization(Access.Export).WithTags("Exports");
        return endpoints;
    }

    // Written to a temporary file first: a failure becomes an error answer instead of a cut-off download, the answer carries its
    // length, and the store's snapshot is let go before a slow client has read it all. The file goes when the answer is sent.
    private static async Task<FileStreamHttpResult> DownloadFleetWorkbookAsync(StoreHolder holder, TimeProvider time, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"governance-fleet-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            var result = await FleetWorkbook.WriteAsync(holder.Store, file, time, cancellationToken: cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, FleetWorkbook.ContentType, FleetWorkbook.FileName(result.ExportedAt));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
