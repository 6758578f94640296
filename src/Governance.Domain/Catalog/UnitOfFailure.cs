namespace Governance.Domain.Catalog;

/// <summary>What can fail as a whole (seed 004), smallest first; <see cref="None"/> means no single unit takes it down.</summary>
public enum UnitOfFailure
{
    Host = 1,
    Zone = 2,
    Region = 3,
    Provider = 4,
    None = 5,
}
