using System.Security.Cryptography;
using System.Text;

namespace Governance.Domain.History;

/// <summary>The hash of an aggregate's stored state: what ties a current state row to the history entry that produced it.</summary>
public static class StateHash
{
    /// <summary>SHA-256, as lower-case hex, of the state's JSON text in UTF-8, exactly as stored.</summary>
    public static string Of(string stateJson)
    {
        ArgumentNullException.ThrowIfNull(stateJson);
        var length = Encoding.UTF8.GetByteCount(stateJson);
        var bytes = length <= 4096 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(stateJson, bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
