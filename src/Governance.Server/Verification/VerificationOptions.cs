using Microsoft.Extensions.Options;
using Quartz;

namespace Governance.Server.Verification;

/// <summary>The <c>Governance:Verification</c> configuration section: when the store verifies its history and states on its own.</summary>
public sealed class VerificationOptions
{
    public const string Section = "Governance:Verification";

    /// <summary>Every 15 minutes: from the last checkpoint, so each run reads only what was written since.</summary>
    public const string DefaultIncrementalSchedule = "0 */15 * * * ?";

    /// <summary>Daily at 02:30: the whole chain, which also catches an edit to entries before the checkpoint.</summary>
    public const string DefaultFullSchedule = "0 30 2 * * ?";

    /// <summary>False removes both schedules from the job store.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A Quartz cron expression (in UTC) for incremental verifications.</summary>
    public string IncrementalSchedule { get; set; } = DefaultIncrementalSchedule;

    /// <summary>A Quartz cron expression (in UTC) for full verifications.</summary>
    public string FullSchedule { get; set; } = DefaultFullSchedule;
}

/// <summary>Refuses, when the host starts, a schedule Quartz could not read.</summary>
internal sealed class VerificationOptionsValidator : IValidateOptions<VerificationOptions>
{
    public ValidateOptionsResult Validate(string? name, VerificationOptions options)
    {
        string[] failures =
        [
            .. Check(nameof(options.IncrementalSchedule), options.IncrementalSchedule, VerificationOptions.DefaultIncrementalSchedule),
            .. Check(nameof(options.FullSchedule), options.FullSchedule, VerificationOptions.DefaultFullSchedule),
        ];
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Check(string setting, string schedule, string example) => CronExpression.TryParse(schedule, out _)
        ? []
        : [$"{VerificationOptions.Section}:{setting} '{schedule}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '{example}')"];
}
