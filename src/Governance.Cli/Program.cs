using Governance.Cli;
using Governance.Cli.Infrastructure;

return await CliApplication.RunAsync(args, CliContext.FromConsole());
