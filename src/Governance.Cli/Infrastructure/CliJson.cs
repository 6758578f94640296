using System.Text.Json;
using Governance.Domain.Serialization;

namespace Governance.Cli.Infrastructure;

/// <summary>The JSON that <c>--json</c> writes: the domain's shape, indented for people who read it too.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(DomainJson.Options) { WriteIndented = true };

    public static void Write<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
