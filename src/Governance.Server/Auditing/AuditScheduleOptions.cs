using Microsoft.Extensions.Options;
using Quartz;

namespace Governance.Server.Auditing;

/// <summary>The <c>Governance:Audit</c> configuration section: when the fleet audit runs on its own.</summary>
public sealed class AuditScheduleOptions
{
    public const string Section = "Governance:Audit";

    /// <summary>Daily at 03:00, in <see cref="TimeZone"/>.</summary>
    public const string DefaultSchedule = "0 0 3 * * ?";

    /// <summary>False removes the schedule from the job store, so that no node fires it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A Quartz cron expression: seconds, minutes, hours, day of month, month, day of week[, year].</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>The IANA (or Windows) id of the time zone <see cref="Schedule"/> is read in.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The policy folder; empty means ./policies, else the set shipped beside the program.</summary>
    public string? Policies { get; set; }

    /// <summary>A run still running this long after it started belongs to a process that stopped: it is failed as interrupted.</summary>
    public TimeSpan InterruptedAfter { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Refuses, when the host starts, a schedule Quartz could not read, an unknown time zone or a non-positive interval.</summary>
internal sealed class AuditScheduleOptionsValidator : IValidateOptions<AuditScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditScheduleOptions options)
    {
        var failures = new List<string>();
        if (!CronExpression.TryParse(options.Schedule, out _))
        {
            failures.Add($"{AuditScheduleOptions.Section}:{nameof(options.Schedule)} '{options.Schedule}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '{AuditScheduleOptions.DefaultSchedule}')");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? string.Empty, out _))
        {
            failures.Add($"{AuditScheduleOptions.Section}:{nameof(options.TimeZone)} '{options.TimeZone}' is not a time zone this system knows");
        }

        if (options.InterruptedAfter <= TimeSpan.Zero)
        {
            failures.Add($"{AuditScheduleOptions.Section}:{nameof(options.InterruptedAfter)} must be positive, was {options.InterruptedAfter}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
