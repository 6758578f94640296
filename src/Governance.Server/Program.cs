using Governance.Server.Hosting;

var app = GovernanceServer.Build(args);
await app.RunAsync();

/// <summary>The server's entry point, public so that API tests can host it.</summary>
public partial class Program;
