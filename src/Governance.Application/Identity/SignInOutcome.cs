using Governance.Domain.Identity;

namespace Governance.Application.Identity;

/// <summary>What a sign-in attempt came to. A wrong name and a wrong password are one answer, so neither gives the other away.</summary>
public abstract record SignInOutcome
{
    private SignInOutcome()
    {
    }

    /// <summary>Signed in <paramref name="At"/>: the session holds until the account's sessions are ended after that.</summary>
    public sealed record SignedIn(Account Account, DateTimeOffset At) : SignInOutcome;

    public sealed record Refused : SignInOutcome;

    /// <summary>Too many failures in a row: no password is checked until <paramref name="Until"/>.</summary>
    public sealed record LockedOut(DateTimeOffset Until) : SignInOutcome;
}
