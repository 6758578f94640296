using Governance.Domain.Catalog;
using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>
/// Writes a fleet as one fleet-format document (the README's "The fleet format") that <see cref="CatalogReader"/> reads back to the same
/// states. Small structures go on one line (flow style) to keep files of 100,000 services compact and quick to parse.
/// </summary>
public static class FleetWriter
{
    public static void Write(Fleet fleet, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write($"apiVersion: {FleetDocumentReader.ApiVersion}\nkind: {FleetDocumentReader.Kind}\n");
        WriteList(writer, "teams", fleet.Teams, WriteTeam);
        WriteList(writer, "systems", fleet.Systems, WriteSystem);
        WriteList(writer, "services", fleet.Services, FleetServiceWriter.Write);
    }

    private static void WriteList<T>(TextWriter writer, string key, IReadOnlyList<T> items, Action<YamlBlockWriter, T> write)
    {
        if (items.Count == 0)
        {
            return;
        }

        writer.Write(key);
        writer.Write(":\n");
        var block = new YamlBlockWriter(writer);
        foreach (var item in items)
        {
            block.StartListItem("  ");
            write(block, item);
        }
    }

    private static void WriteTeam(YamlBlockWriter block, CatalogEntity team)
    {
        block.Field("id", team.Id);
        block.Field("name", team.Name);
        block.Field("description", team.Description);
        block.Field("email", team.Email);
        block.Field("parent", team.Parent);
    }

    private static void WriteSystem(YamlBlockWriter block, CatalogEntity system)
    {
        block.Field("id", system.Id);
        block.Field("name", system.Name);
        block.Field("description", system.Description);
        block.Field("owner", system.Owner);
    }
}
