using System.Security.Cryptography;

namespace Governance.Domain.Policies;

/// <summary>The policies and tier targets one audit judges by; <see cref="Hash"/> names exactly which files they came from.</summary>
public sealed record PolicySet(IReadOnlyList<Policy> Policies, TierTargets Targets, string Hash)
{
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
