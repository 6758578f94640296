namespace Governance.Domain.Commands;

/// <summary>The state a command proposes, before the state's own rules are checked, or why it cannot propose one.</summary>
internal abstract record Proposal
{
    public static Refused Refuse(string message, string field = "command") => new([new FieldError(field, message)]);

    public sealed record Changed(Catalog.ServiceState State) : Proposal;

    public sealed record Refused(IReadOnlyList<FieldError> Errors) : Proposal;
}
