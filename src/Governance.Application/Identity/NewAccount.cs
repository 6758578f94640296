using Governance.Domain;
using Governance.Domain.Identity;

namespace Governance.Application.Identity;

/// <summary>
/// An account to create: a person signs in with a password, a script (<paramref name="Script"/>) with an API token. Owners
/// need a team; approvers a team or a tier.
/// </summary>
public sealed record NewAccount(string Name, IReadOnlySet<Role> Roles, string? Team = null, int? Tier = null, bool Script = false)
{
    public const int MaxNameLength = 64;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Name.Length is 0 or > MaxNameLength || !Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
        {
            errors.Add(new FieldError("name", $"must be 1 to {MaxNameLength} lower-case letters, digits, '.', '-' or '_', was '{Name}'"));
        }

        if (Roles.Count == 0)
        {
            errors.Add(new FieldError("role", "at least one role is required: viewer, owner, approver, leader or administrator"));
        }

        if (Roles.Contains(Role.Owner) && string.IsNullOrWhiteSpace(Team))
        {
            errors.Add(new FieldError("team", "an owner owns the services of a team: name it"));
        }

        if (Roles.Contains(Role.Approver) && string.IsNullOrWhiteSpace(Team) && Tier is null)
        {
            errors.Add(new FieldError("team", "an approver decides for a team or a tier: name one"));
        }

        if (Tier is < 0 or > 3)
        {
            errors.Add(new FieldError("tier", $"must be between 0 and 3, was {Tier}"));
        }

        return errors;
    }
}
