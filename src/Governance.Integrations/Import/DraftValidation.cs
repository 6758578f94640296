using Governance.Domain.Catalog;
using Governance.Domain.Commands;

namespace Governance.Integrations.Import;

/// <summary>Runs the domain's own rules on a draft and reports each broken rule at the place in the file it came from.</summary>
internal static class DraftValidation
{
    public static void Validate(ServiceDraft draft, ISourceMap sourceMap)
    {
        if (ServiceAggregate.Decide(draft.Command.Profile.Id, null, draft.Command, CommandContext.DefinitionCheck) is CommandOutcome<ServiceState>.Rejected rejected)
        {
            Report(draft, rejected.Errors, sourceMap);
        }
    }

    public static void Validate(EntityDraft draft, ISourceMap sourceMap)
    {
        if (EntityAggregate.Decide(draft.Command.Entity.Subject, null, draft.Command) is CommandOutcome<CatalogEntity>.Rejected rejected)
        {
            Report(draft, rejected.Errors, sourceMap);
        }
    }

    private static void Report(Draft draft, IReadOnlyList<Domain.FieldError> errors, ISourceMap sourceMap)
    {
        foreach (var error in errors)
        {
            var (field, location) = sourceMap.Resolve(error.Field);
            draft.AddError(new ImportProblem(location, field, error.Message));
        }
    }
}
