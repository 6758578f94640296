using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;

namespace Governance.Reliability.Tests.KillHarness;

/// <summary>
/// A stream of writes through the server's API, a few at a time: each opens a new remediation item on one of the services,
/// in turn. Every request ends acknowledged (2xx), refused (any other answer) or unanswered (the connection died with the server).
/// </summary>
public sealed class WriteStream(Uri address, string token, IReadOnlyList<string> services, string prefix)
{
    /// <summary>How many writes make the stream's whole run.</summary>
    public const int Writes = 60;

    private const int Concurrency = 4;

    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _warm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next;

    public IReadOnlyList<string> Services { get; } = services;

    /// <summary>What every item id of this stream begins with.</summary>
    public string Prefix { get; } = prefix;

    public ConcurrentBag<(string ServiceId, string ItemId)> Acknowledged { get; } = [];

    public ConcurrentBag<(string ServiceId, string ItemId)> Unanswered { get; } = [];

    public ConcurrentBag<string> Refused { get; } = [];

    /// <summary>Completes once every write of the stream was acknowledged.</summary>
    public Task Finished => _finished.Task;

    /// <summary>Completes once the first write, sent alone, was acknowledged: the server has warmed up (a grain active, the code compiled).</summary>
    public Task Warm => _warm.Task;

    public static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Opens item <paramref name="itemId"/> on <paramref name="serviceId"/>, with the item's id as the Idempotency-Key, as a
    /// client that retries would: the status and body of the answer.
    /// </summary>
    public static async Task<(int Status, string Body)> OpenItemAsync(HttpClient client, string serviceId, string itemId)
    {
        var body = $$"""{"id": "{{itemId}}", "title": "Opened by the kill harness", "openedOn": "2026-11-01"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/services/{Uri.EscapeDataString(serviceId)}/remediation-items")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", itemId);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends the writes until all are acknowledged or the server is gone.</summary>
    public async Task RunAsync()
    {
        using var client = Client(address, token);
        if (await SendAsync(client, 0))
        {
            _warm.TrySetResult();
        }
        else
        {
            var failed = new InvalidOperationException($"the first write was not acknowledged; refused: {string.Join("; ", Refused)}");
            _warm.TrySetException(failed);
            _finished.TrySetException(failed);
            return;
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => SendRestAsync(client)));
        if (Acknowledged.Count == Writes)
        {
            _finished.TrySetResult();
        }
        else
        {
            _finished.TrySetException(new InvalidOperationException($"{Acknowledged.Count} of {Writes} writes were acknowledged; refused: {string.Join("; ", Refused)}"));
        }
    }

    private async Task SendRestAsync(HttpClient client)
    {
        for (var index = Interlocked.Increment(ref _next); index < Writes; index = Interlocked.Increment(ref _next))
        {
            if (!await SendAsync(client, index))
            {
                return;
            }
        }
    }

    /// <summary>Sends write <paramref name="index"/>; false when it was not acknowledged, and the sender stops.</summary>
    private async Task<bool> SendAsync(HttpClient client, int index)
    {
        var write = (Services[index % Services.Count], $"{Prefix}-{index:D3}");
        try
        {
            var (status, body) = await OpenItemAsync(client, write.Item1, write.Item2);
            if (status is >= 200 and < 300)
            {
                Acknowledged.Add(write);
                return true;
            }

            Refused.Add($"{write.Item2} on {write.Item1}: {status} {body}");
            return false;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            // The server died with the request in flight: it may or may not have committed it.
            Unanswered.Add(write);
            return false;
        }
    }
}
