using System.Security.Cryptography;

namespace Governance.Application.Identity;

/// <summary>An API token, <c>gov_ID_SECRET</c>: the id finds its row, the secret is checked against the row's hash.</summary>
internal sealed record ApiToken(string Id, string Secret)
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static ApiToken New() => new(RandomNumberGenerator.GetString(Alphabet, 12), RandomNumberGenerator.GetString(Alphabet, 43));

    public static ApiToken? Parse(string token)
    {
        if (!token.StartsWith(LocalAccounts.TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = token[LocalAccounts.TokenPrefix.Length..].Split('_');
        return parts is [{ Length: > 0 } id, { Length: > 0 } secret] ? new ApiToken(id, secret) : null;
    }

    public override string ToString() => $"{LocalAccounts.TokenPrefix}{Id}_{Secret}";
}
