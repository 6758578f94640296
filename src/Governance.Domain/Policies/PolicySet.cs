using System.Security.Cryptography;

namespace Governance.Domain.Policies;

/// <summary>The policies and tier targets one audit judges by; <see cref="Hash"/> names exactly which files they came from.</summary>
public sealed record PolicySet(IReadOnlyList<Policy> Policies, TierTargets Targets, string Hash)
{
    /// <summary>How long a waiver may last; the default unless the set has a <c>kind: WaiverRules</c> document.</summary>
    public WaiverRules Waivers { get; init; } = WaiverRules.Default;

    /// <summary>Whether a policy of the set has the id <paramref name="policyId"/> (the trait it names).</summary>
    public bool Defines(string policyId) => Policies.Any(policy => policy.Id == policyId);

    /// <summary>SHA-256 (lower-case hex) over the files' bytes, taken in ordinal order of their paths.</summary>
    public static string HashOf(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(file => file.Key, StringComparer.Ordinal))
        {
            hash.AppendData(file.Value);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
