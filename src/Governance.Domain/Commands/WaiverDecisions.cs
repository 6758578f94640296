using Governance.Domain.Catalog;

namespace Governance.Domain.Commands;

/// <summary>
/// The rules of accepting a risk, wherever a waiver comes from: the trait is a policy of the current set, the approver is
/// not the one asking, and the waiver ends after today and within the span the policy set allows.
/// </summary>
internal static class WaiverDecisions
{
    private const string UserPrefix = "user:";

    public static Proposal Waive(ServiceState state, Waiver waiver, CommandContext context)
    {
        var today = DateOnly.FromDateTime(context.Now.UtcDateTime);
        var errors = new List<FieldError>();
        Require(errors, waiver.TraitId, "traitId");
        Require(errors, waiver.Justification, "justification");
        Require(errors, waiver.Approver, "approver");
        if (context.Policies is not { } policies)
        {
            errors.Add(new FieldError("traitId", "no policy set is loaded to check the trait against; nothing can be waived"));
        }
        else
        {
            CheckTrait(errors, waiver.TraitId, policies.Policies.Select(policy => policy.Id).ToList());
            CheckSpan(errors, waiver.Expires, today, policies.Waivers.MaxDays);
        }

        if (!string.IsNullOrWhiteSpace(waiver.Approver) && SamePerson(waiver.Approver, context.Actor))
        {
            errors.Add(new FieldError("approver", $"must be someone other than the one asking ({context.Actor})"));
        }

        return errors.Count > 0
            ? new Proposal.Refused(errors)
            : new Proposal.Changed(state with
            {
                Waivers = [.. state.Waivers.Where(existing => existing.TraitId != waiver.TraitId), waiver with { GrantedAt = context.Now, RequestedBy = context.Actor }],
            });
    }

    public static Proposal Revoke(ServiceState state, string traitId) =>
        state.Waivers.Any(waiver => waiver.TraitId == traitId)
            ? new Proposal.Changed(state with { Waivers = [.. state.Waivers.Where(waiver => waiver.TraitId != traitId)] })
            : Proposal.Refuse($"no waiver of '{traitId}' on {state.Id}", "traitId");

    /// <summary>People are named with or without the <c>user:</c> prefix, in any case.</summary>
    public static bool SamePerson(string a, string b) => string.Equals(Person(a), Person(b), StringComparison.OrdinalIgnoreCase);

    private static string Person(string name)
    {
        var trimmed = name.Trim();
        return trimmed.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase) ? trimmed[UserPrefix.Length..] : trimmed;
    }

    // A waiver of a trait no policy defines would never apply: most likely a typo, so it is refused with the close ids.
    private static void CheckTrait(List<FieldError> errors, string trait, IReadOnlyList<string> ids)
    {
        if (string.IsNullOrWhiteSpace(trait) || ids.Contains(trait, StringComparer.Ordinal))
        {
            return;
        }

        var close = ids.Where(id => id.Contains(trait, StringComparison.OrdinalIgnoreCase) || trait.Contains(id, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        var hint = close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : string.Empty;
        errors.Add(new FieldError("traitId", $"no policy of the current set defines the trait '{trait}'{hint}"));
    }

    private static void CheckSpan(List<FieldError> errors, DateOnly expires, DateOnly today, int maxDays)
    {
        var latest = today.AddDays(maxDays);
        if (expires <= today)
        {
            errors.Add(new FieldError("expires", $"must be after today ({today:yyyy-MM-dd}), was {expires:yyyy-MM-dd}"));
        }
        else if (expires > latest)
        {
            errors.Add(new FieldError("expires", $"must be within {maxDays} days of today (at the latest {latest:yyyy-MM-dd}), was {expires:yyyy-MM-dd}"));
        }
    }

    private static void Require(List<FieldError> errors, string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "is required"));
        }
    }
}
