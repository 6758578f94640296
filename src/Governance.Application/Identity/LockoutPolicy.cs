namespace Governance.Application.Identity;

/// <summary>How many failed sign-ins in a row lock an account, and for how long.</summary>
public sealed record LockoutPolicy(int Attempts, TimeSpan Duration)
{
    public static readonly LockoutPolicy Default = new(5, TimeSpan.FromMinutes(15));
}
