using Governance.Server.Hosting;
using Governance.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using YamlDotNet.RepresentationModel;

namespace Governance.Cli.Tests;

public sealed class DeploymentTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void The_compose_file_builds_the_server_from_files_that_exist()
    {
        var governance = Service("governance");
        var build = (YamlMappingNode)governance.Children["build"];
        var context = Path.Combine(Root, Scalar(build, "context"));
        var dockerfile = Path.Combine(context, Scalar(build, "dockerfile"));

        Assert.True(File.Exists(dockerfile), $"{dockerfile} is missing");
        var published = File.ReadAllLines(dockerfile).Single(line => line.Contains("dotnet publish", StringComparison.Ordinal)).Split(' ').Single(word => word.EndsWith(".csproj", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(context, published)), $"the Dockerfile publishes {published}, which is missing");
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"governance.dll\"]", File.ReadAllText(dockerfile));
    }

    [Fact]
    public void The_server_reads_every_variable_the_compose_file_sets()
    {
        var environment = (YamlMappingNode)Service("governance").Children["environment"];
        var names = environment.Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToList();

        Assert.Equal(["ASPNETCORE_URLS", StoreDefaults.DatabaseVariable], names.Order(StringComparer.Ordinal).ToList());
        Assert.StartsWith("Host=postgres;", Scalar(environment, StoreDefaults.DatabaseVariable));
    }

    [Fact]
    public async Task The_server_takes_its_store_from_the_variable_the_compose_file_sets()
    {
        var environment = (YamlMappingNode)Service("governance").Children["environment"];
        var connection = Scalar(environment, StoreDefaults.DatabaseVariable);

        // Environment variables reach configuration under their own names, as this setting does.
        await using var app = GovernanceServer.Build([], new Dictionary<string, string?> { [StoreDefaults.DatabaseVariable] = connection });

        Assert.Equal(connection, app.Services.GetRequiredService<IOptions<StoreOptions>>().Value.Database);
    }

    [Fact]
    public void The_server_waits_for_a_healthy_postgres_15()
    {
        var postgres = Service("postgres");

        Assert.Equal("postgres:15", Scalar(postgres, "image"));
        Assert.True(postgres.Children.ContainsKey("healthcheck"));
        var dependsOn = (YamlMappingNode)Service("governance").Children["depends_on"];
        Assert.Equal("service_healthy", Scalar((YamlMappingNode)dependsOn.Children["postgres"], "condition"));
    }

    private static YamlMappingNode Service(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        stream.Load(reader);
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children["services"];
        return (YamlMappingNode)services.Children[name];
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value!;
}
