using Governance.Application.Catalog;
using Governance.Integrations.Import;
using Governance.Server.Api;
using Governance.Server.Identity;
using Governance.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Server.Imports;

/// <summary>An import's request: the catalog files' contents under the paths the client knows them by, and the import's switches.</summary>
public sealed record ImportRequest(IReadOnlyList<ImportFile?>? Files, bool DryRun = false, bool SkipInvalid = false);

/// <summary>
/// <c>POST /api/imports</c>: fleet-format and Backstage files, applied all-or-nothing by the same import use case as
/// <c>governance import</c>, on the store directly (a bulk writer outside the grains; each grain sees the new version on
/// its next call). The answer is the report <c>import --json</c> prints: 200 when imported (or checked, on a dry run),
/// 422 when errors kept everything out.
/// </summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var imports = endpoints.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Access.Administer);
        imports.MapPost("/", ImportAsync).AsWrite(isImport: true)
            .Produces<ImportReport>(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ValidationProblem>> ImportAsync(
        ImportRequest request,
        Actor actor,
        StoreHolder holder,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (files, errors) = await UploadedFiles.WriteAsync(request.Files ?? [], cancellationToken);
        if (files is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The import's files cannot be read");
        }

        using (files)
        {
            var options = new ImportOptions(request.SkipInvalid) { ConfineTo = files.Root };
            var outcome = await CatalogImport.RunAsync(holder.Store, files.Paths, options, actor.Name, request.DryRun, time, cancellationToken);
            var report = Displayed(ImportReport.From(outcome), files);
            ApiLog.Imported(loggers.CreateLogger(typeof(ImportEndpoints).FullName!), actor.Name, report.Files, report.Created, report.Updated, report.Unchanged, report.Errors.Count, report.DryRun);
            return report.Errors.Count > 0 ? TypedResults.UnprocessableEntity(report) : TypedResults.Ok(report);
        }
    }

    // The report names files as the client did, never the server's temporary folder.
    private static ImportReport Displayed(ImportReport report, UploadedFiles files) => report with
    {
        Errors = [.. report.Errors.Select(files.Display)],
        Warnings = [.. report.Warnings.Select(files.Display)],
        Dangling = [.. report.Dangling.Select(files.Display)],
        Resolved = [.. report.Resolved.Select(files.Display)],
        Skipped = [.. report.Skipped.Select(files.Display)],
    };
}
