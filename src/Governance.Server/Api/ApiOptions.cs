using Microsoft.Extensions.Options;

namespace Governance.Server.Api;

/// <summary>The <c>Governance:Api</c> configuration section: how big a body may be, how long idempotency keys last.</summary>
public sealed class ApiOptions
{
    public const string Section = "Governance:Api";

    /// <summary>The largest body of a write to one service (a definition, a waiver, an item), in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest body of an import (every file's content, as JSON), in bytes.</summary>
    public long MaxImportBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long the response to an idempotency key is kept for replay.</summary>
    public TimeSpan IdempotencyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A key claimed this long ago whose request never finished (its node stopped) may be claimed again.</summary>
    public TimeSpan IdempotencyAbandonAfter { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Refuses, when the host starts, limits or lifetimes that are not positive.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        Positive(failures, nameof(options.MaxBodyBytes), options.MaxBodyBytes);
        Positive(failures, nameof(options.MaxImportBytes), options.MaxImportBytes);
        if (options.IdempotencyLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{ApiOptions.Section}:{nameof(options.IdempotencyLifetime)} must be positive, was {options.IdempotencyLifetime}");
        }

        if (options.IdempotencyAbandonAfter <= TimeSpan.Zero || options.IdempotencyAbandonAfter > options.IdempotencyLifetime)
        {
            failures.Add($"{ApiOptions.Section}:{nameof(options.IdempotencyAbandonAfter)} must be positive and at most {nameof(options.IdempotencyLifetime)}, was {options.IdempotencyAbandonAfter}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string setting, long value)
    {
        if (value <= 0)
        {
            failures.Add($"{ApiOptions.Section}:{setting} must be a positive number of bytes, was {value}");
        }
    }
}
