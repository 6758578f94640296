using System.Globalization;

namespace Governance.Server.Api;

/// <summary>The version a write expects, from <c>If-Match: "7"</c> or <c>If-None-Match: *</c> (create only: version 0).</summary>
public sealed record Precondition(long? ExpectedVersion, bool IsIfMatch)
{
    public static readonly Precondition None = new(null, false);

    /// <summary>Reads the request's precondition headers; <paramref name="error"/> says what is wrong with them otherwise.</summary>
    public static bool TryRead(string? ifMatch, string? ifNoneMatch, bool mayCreate, out Precondition precondition, out string error)
    {
        precondition = None;
        error = string.Empty;
        if (!string.IsNullOrWhiteSpace(ifMatch) && !string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            error = "give If-Match or If-None-Match, not both";
            return false;
        }

        if (!string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            if (!mayCreate || ifNoneMatch.Trim() != "*")
            {
                error = mayCreate ? $"If-None-Match may only be * (create only), was {ifNoneMatch}" : "If-None-Match is only for PUT, as If-None-Match: * (create only)";
                return false;
            }

            precondition = new Precondition(0, IsIfMatch: false);
            return true;
        }

        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return true;
        }

        if (!ETags.TryParse(ifMatch.Trim(), out var version))
        {
            error = $"If-Match must be one version as an ETag, like \"7\", was {ifMatch}";
            return false;
        }

        precondition = new Precondition(version, IsIfMatch: true);
        return true;
    }
}

/// <summary>A service's version as a strong entity tag: <c>"7"</c>.</summary>
public static class ETags
{
    public static string Of(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static bool TryParse(string tag, out long version)
    {
        version = 0;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
            && long.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out version)
            && version > 0;
    }
}
