using Microsoft.Extensions.Options;

namespace Governance.Server.Verification;

/// <summary>Registration of the scheduled verification, on the Quartz scheduler the audit schedule set up.</summary>
public static class VerificationScheduling
{
    public static IHostApplicationBuilder AddHistoryVerification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<VerificationOptions>, VerificationOptionsValidator>();
        builder.Services.AddHostedService<VerificationScheduleInstaller>();
        return builder;
    }
}
