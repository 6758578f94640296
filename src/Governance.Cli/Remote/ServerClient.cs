using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Governance.Cli.Infrastructure;

namespace Governance.Cli.Remote;

/// <summary>What a server answered: the status, and the body as JSON (a problem's fields when it is one).</summary>
public sealed record ServerAnswer(HttpStatusCode Status, JsonElement Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>A problem's detail, else its title, else the status.</summary>
    public string Detail => Text("detail") ?? Text("title") ?? $"{(int)Status} {Status}";

    /// <summary>A validation problem's errors as <c>field: message</c>, in the order the server gave them.</summary>
    public IReadOnlyList<string> FieldErrors => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
        ? [.. errors.EnumerateObject().SelectMany(error => error.Value.EnumerateArray().Select(message => $"{error.Name}: {message.GetString()}"))]
        : [];

    private string? Text(string property) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>
/// One command's conversation with a Governance server: every request carries the API token and the invocation's one
/// Idempotency-Key, so that a request retried after a lost connection or a busy server is answered, never applied twice.
/// </summary>
public sealed class ServerClient : IDisposable
{
    private const int Attempts = 3;

    private readonly HttpClient _http;
    private readonly Uri _server;
    private readonly string _key = Guid.NewGuid().ToString("N");
    private readonly TimeProvider _time;

    public ServerClient(Uri server, string token, TimeProvider time)
    {
        _server = server;
        _time = time;
        _http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
    }

    /// <summary>The exit code a server's status means, as the command run on the store would have ended.</summary>
    public static int ExitCodeOf(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => ExitCodes.Success,
        404 => ExitCodes.NotFound,
        409 or 412 => ExitCodes.Conflict,
        >= 400 and < 500 => ExitCodes.InvalidInput,
        502 or 503 or 504 => ExitCodes.StoreUnavailable,
        _ => ExitCodes.InternalError,
    };

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with <paramref name="json"/> as its body (none when null).</summary>
    /// <exception cref="CliException">The server cannot be reached, or does not answer in JSON (exit 6).</exception>
    public async Task<ServerAnswer> SendAsync(HttpMethod method, string path, object? json, CancellationToken cancellationToken = default)
    {
        var body = json is null ? null : JsonSerializer.Serialize(json, CliJson.Options);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add("Idempotency-Key", _key);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                var answer = await ReadAsync(response, cancellationToken);
                if (attempt < Attempts && (int)answer.Status is 502 or 503 or 504)
                {
                    await Task.Delay(Backoff(attempt), _time, cancellationToken);
                    continue;
                }

                return answer;
            }
            catch (Exception failure) when (failure is HttpRequestException || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt >= Attempts)
                {
                    throw new CliException(ExitCodes.StoreUnavailable, $"cannot reach the server at {_server}: {failure.Message}");
                }

                await Task.Delay(Backoff(attempt), _time, cancellationToken);
            }
        }
    }

    /// <summary>The failure a refused or failed answer is, about <paramref name="subject"/>, ending as the command would on the store.</summary>
    public static CliException Failure(ServerAnswer answer, string subject)
    {
        var exitCode = ExitCodeOf(answer.Status);
        var message = (exitCode, answer.FieldErrors) switch
        {
            (ExitCodes.InvalidInput, { Count: > 0 } errors) => $"{subject}: {string.Join("; ", errors)}",
            (ExitCodes.InvalidInput or ExitCodes.NotFound or ExitCodes.Conflict, _) => $"{subject}: {answer.Detail}",
            _ => $"the server answered {(int)answer.Status}: {answer.Detail}",
        };
        return new CliException(exitCode, message);
    }

    public void Dispose() => _http.Dispose();

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(250 * attempt);

    private async Task<ServerAnswer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return new ServerAnswer(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new CliException(ExitCodes.StoreUnavailable, $"the server at {_server} answered {(int)response.StatusCode} without JSON: is it a Governance server?");
        }
    }
}
