using Governance.Domain.Catalog;
using Governance.Domain.Identity;
using Governance.Domain.Serialization;

namespace Governance.Domain.Commands;

/// <summary>
/// The rules of accepting a risk, wherever a waiver comes from: the trait is a policy of the current set, the waiver ends
/// after today and within the span the policy set allows, and whoever approves it is not the one who asked. A waiver is
/// requested, then approved or rejected; the one-step grant names its approver for the single-operator CLI.
/// </summary>
internal static class WaiverDecisions
{
    public static Proposal Waive(ServiceState state, Waiver waiver, CommandContext context)
    {
        var errors = CheckRequest(waiver.TraitId, waiver.Justification, waiver.Expires, context);
        Require(errors, waiver.Approver, "approver");
        if (!string.IsNullOrWhiteSpace(waiver.Approver) && AccessRules.SamePerson(waiver.Approver, context.Actor))
        {
            errors.Add(new FieldError("approver", $"must be someone other than the one asking ({context.Actor})"));
        }

        // Built anew, so that nothing but the four fields asked for comes from the command.
        var requested = new Waiver(waiver.TraitId, waiver.Justification, string.Empty, waiver.Expires) { RequestedBy = context.Actor, RequestedAt = context.Now };
        return errors.Count > 0 ? new Proposal.Refused(errors) : Put(state, Approved(requested, waiver.Approver, context.Now, reason: null));
    }

    public static Proposal Request(ServiceState state, RequestWaiver request, CommandContext context)
    {
        var errors = CheckRequest(request.TraitId, request.Justification, request.Expires, context);

        // Replacing a waiver that still applies would drop it until someone approves the new one: revoking first says so.
        if (Find(state, request.TraitId) is { } existing && existing.AppliesOn(Today(context)))
        {
            errors.Add(new FieldError("traitId", $"an approved waiver of '{request.TraitId}' applies until {existing.Expires:yyyy-MM-dd}; revoke it first to ask for another"));
        }

        return errors.Count > 0
            ? new Proposal.Refused(errors)
            : Put(state, new Waiver(request.TraitId, request.Justification, string.Empty, request.Expires)
            {
                Status = WaiverStatus.Requested,
                RequestedBy = context.Actor,
                RequestedAt = context.Now,
            });
    }

    public static Proposal Approve(ServiceState state, ApproveWaiver approve, CommandContext context) =>
        OnRequest(state, approve.TraitId, "approved", requested =>
        {
            var errors = new List<FieldError>();
            if (requested.RequestedBy is { } requester && AccessRules.SamePerson(requester, context.Actor))
            {
                errors.Add(new FieldError("approver", $"must be someone other than the requester ({requester}): another person approves it"));
            }

            // The request may have waited past its last day.
            CheckAfterToday(errors, requested.Expires, Today(context));
            return errors.Count > 0 ? new Proposal.Refused(errors) : Put(state, Approved(requested, context.Actor, context.Now, Given(approve.Reason)));
        });

    // A requester rejecting their own request withdraws it: separation of duties guards accepting a risk, not declining one.
    public static Proposal Reject(ServiceState state, RejectWaiver reject, CommandContext context) =>
        OnRequest(state, reject.TraitId, "rejected", requested => string.IsNullOrWhiteSpace(reject.Reason)
            ? Proposal.Refuse("is required: say why the waiver is rejected", "reason")
            : Put(state, requested with { Status = WaiverStatus.Rejected, DecidedBy = context.Actor, DecidedAt = context.Now, DecisionReason = reject.Reason }));

    public static Proposal Revoke(ServiceState state, string traitId) => Find(state, traitId) switch
    {
        null => NoWaiver(state, traitId),
        { IsApproved: true } => new Proposal.Changed(state with { Waivers = [.. state.Waivers.Where(waiver => waiver.TraitId != traitId)] }),
        var other => Proposal.Refuse($"the waiver of '{traitId}' is {KebabNames<WaiverStatus>.Of(other.Status)}; only an approved waiver is revoked (a request is withdrawn by rejecting it)", "status"),
    };

    private static Proposal OnRequest(ServiceState state, string traitId, string decided, Func<Waiver, Proposal> decide) => Find(state, traitId) switch
    {
        null => NoWaiver(state, traitId),
        { Status: WaiverStatus.Requested } requested => decide(requested),
        var other => Proposal.Refuse($"the waiver of '{traitId}' is {KebabNames<WaiverStatus>.Of(other.Status)}; only a requested waiver can be {decided}", "status"),
    };

    private static Waiver Approved(Waiver waiver, string approver, DateTimeOffset now, string? reason) => waiver with
    {
        Approver = approver,
        Status = WaiverStatus.Approved,
        GrantedAt = now,
        DecidedBy = approver,
        DecidedAt = now,
        DecisionReason = reason,
    };

    private static Waiver? Find(ServiceState state, string traitId) => state.Waivers.FirstOrDefault(waiver => waiver.TraitId == traitId);

    private static Proposal.Changed Put(ServiceState state, Waiver waiver) =>
        new(state with { Waivers = [.. state.Waivers.Where(existing => existing.TraitId != waiver.TraitId), waiver] });

    private static Proposal.Refused NoWaiver(ServiceState state, string traitId) => Proposal.Refuse($"no waiver of '{traitId}' on {state.Id}", "traitId");

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static DateOnly Today(CommandContext context) => DateOnly.FromDateTime(context.Now.UtcDateTime);

    private static List<FieldError> CheckRequest(string traitId, string justification, DateOnly expires, CommandContext context)
    {
        var errors = new List<FieldError>();
        Require(errors, traitId, "traitId");
        Require(errors, justification, "justification");
        if (context.Policies is not { } policies)
        {
            errors.Add(new FieldError("traitId", "no policy set is loaded to check the trait against; nothing can be waived"));
        }
        else
        {
            CheckTrait(errors, traitId, policies.Policies.Select(policy => policy.Id).ToList());
            CheckSpan(errors, expires, Today(context), policies.Waivers.MaxDays);
        }

        return errors;
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
        if (CheckAfterToday(errors, expires, today) && expires > latest)
        {
            errors.Add(new FieldError("expires", $"must be within {maxDays} days of today (at the latest {latest:yyyy-MM-dd}), was {expires:yyyy-MM-dd}"));
        }
    }

    private static bool CheckAfterToday(List<FieldError> errors, DateOnly expires, DateOnly today)
    {
        if (expires > today)
        {
            return true;
        }

        errors.Add(new FieldError("expires", $"must be after today ({today:yyyy-MM-dd}), was {expires:yyyy-MM-dd}"));
        return false;
    }

    private static void Require(List<FieldError> errors, string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "is required"));
        }
    }
}
