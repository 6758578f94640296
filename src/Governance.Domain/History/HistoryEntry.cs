using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Governance.Domain.History;

/// <summary>
/// One accepted command in the append-only history: who did what to which subject, the version it produced and the
/// hash of the state it produced (<see cref="History.StateHash"/>; null in entries written before states were hashed),
/// and a SHA-256 hash over the canonical entry and the previous entry's hash.
/// </summary>
public sealed record HistoryEntry(
    long Sequence,
    DateTimeOffset RecordedAt,
    string Actor,
    string Subject,
    string Command,
    string Payload,
    long Version,
    string PreviousHash,
    string Hash,
    string? StateHash)
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    // The one text form of a time: hashed here, and stored as is where a database keeps times as text.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Builds the next entry after <paramref name="previousHash"/>, hashing it.</summary>
    public static HistoryEntry Create(long sequence, DateTimeOffset recordedAt, string actor, string subject, string command, string payload, long version, string previousHash, string? stateHash)
    {
        var at = Normalize(recordedAt);
        return new HistoryEntry(sequence, at, actor, subject, command, payload, version, previousHash,
            ComputeHash(sequence, at, actor, subject, command, payload, version, previousHash, stateHash), stateHash);
    }

    /// <summary>UTC, whole microseconds: what both SQLite text and PostgreSQL timestamptz keep exactly.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    /// <summary>The time as it enters the hash.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        Normalize(time).ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a time written by <see cref="FormatTime"/>, exactly.</summary>
    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The hash this entry's fields give, whatever its stored hash says.</summary>
    public string Recompute(long? asSequence = null) =>
        ComputeHash(asSequence ?? Sequence, RecordedAt, Actor, Subject, Command, Payload, Version, PreviousHash, StateHash);

    private static string ComputeHash(long sequence, DateTimeOffset at, string actor, string subject, string command, string payload, long version, string previousHash, string? stateHash)
    {
        // A JSON array is the canonical form: unambiguous field boundaries whatever the text holds.
        var buffer = new ArrayBufferWriter<byte>(256 + payload.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(sequence);
            writer.WriteStringValue(FormatTime(at));
            writer.WriteStringValue(actor);
            writer.WriteStringValue(subject);
            writer.WriteStringValue(command);
            writer.WriteNumberValue(version);
            writer.WriteStringValue(payload);
            writer.WriteStringValue(previousHash);
            // Appended only when present, so that entries written before states were hashed keep their hashes.
            if (stateHash is not null)
            {
                writer.WriteStringValue(stateHash);
            }

            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
