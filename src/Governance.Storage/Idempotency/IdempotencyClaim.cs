namespace Governance.Storage.Idempotency;

/// <summary>An idempotency key as one actor sent it: the keys of different actors never meet.</summary>
public sealed record IdempotencyKey(string Actor, string Key);

/// <summary>A response kept for replay: its status code, the headers that describe it, and its body.</summary>
public sealed record StoredResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>What claiming an idempotency key found: the key is the caller's now, or the request was seen before.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>The key is new, or its earlier use expired or was abandoned: run the request, then complete or release the key.</summary>
    public sealed record Claimed : IdempotencyClaim;

    /// <summary>The same request ran to the end before: answer with its response, run nothing.</summary>
    public sealed record Completed(StoredResponse Response) : IdempotencyClaim;

    /// <summary>The same request holds the key and is still running.</summary>
    public sealed record InProgress : IdempotencyClaim;

    /// <summary>The key was used for another request (another method, path or body).</summary>
    public sealed record Mismatch : IdempotencyClaim;
}
