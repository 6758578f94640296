using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>Reads one item of a fleet document's <c>services</c> into a <see cref="DefineService"/> that replaces the service's definition.</summary>
internal static class FleetServiceReader
{
    private const string ResourcePrefix = "resource:";

    private static readonly KeySet _keys = new(
        "id", "name", "description", "owner", "tier", "lifecycle", "type", "system", "products", "tags", "repository", "runbook",
        "onCall", "providesApis", "dependencyOf", "annotations", "footprint", "dataStores", "facts", "dependencies", "remediationItems");

    // An import holds every draft until it commits: the draft must not hold its YAML, which the source map does.
    public static ServiceDraft Read(YamlNode node, int index, string file) => Read(node, $"services[{index}]", file, null).Draft;

    /// <summary>
    /// Reads a service at <paramref name="path"/>; <paramref name="defaults"/> stand in for an id or name left out. The
    /// source map places the domain's field paths in the text; null when the node was not a mapping.
    /// </summary>
    public static (ServiceDraft Draft, FleetSourceMap? SourceMap) Read(YamlNode node, string path, string file, ServiceDefaults? defaults)
    {
        var errors = new List<ImportProblem>();
        var reader = new FieldReader(file, errors);
        if (node is not YamlMapping map)
        {
            reader.Error(node, path, $"must be a mapping with at least an id and a name, was {node.Describe}");
            return (new ServiceDraft(path, reader.At(node), errors, new DefineService(new ServiceProfile(string.Empty, string.Empty))), null);
        }

        reader.CheckKeys(map, path, _keys);
        var references = new List<PendingReference>();
        var (dependencyOf, dependencyOfOrder) = FleetRefs.Services(reader, map, "dependencyOf", path, references);
        var profile = ReadProfile(reader, map, path, references, defaults) with { DependencyOf = dependencyOf };
        var (dependencies, dependencyOrder) = FleetDependencyReader.Read(reader, map, path, references);
        var (items, itemOrder) = FleetRemediationReader.Read(reader, map, path);
        var command = new DefineService(profile)
        {
            Mode = DefinitionMode.Replace,
            Footprint = FleetFactsReader.Footprint(reader, map, path),
            DataStores = FleetFactsReader.DataStores(reader, map, path),
            Facts = FleetFactsReader.Facts(reader, map, path),
            Dependencies = dependencies,
            RemediationItems = items,
        };
        var draft = new ServiceDraft(path, reader.At(map), errors, command);
        draft.References.AddRange(references);
        draft.IdSource = ($"{path}.id", reader.At(map.Get("id") ?? map));
        if (profile.Id.Length > 0)
        {
            draft.Subject = $"service:{profile.Id}";
            draft.HasId = true;
        }

        var sourceMap = new FleetSourceMap(file, map, path, new ListOrders(dependencyOrder, itemOrder, dependencyOfOrder));
        DraftValidation.Validate(draft, sourceMap);
        return (draft, sourceMap);
    }

    private static ServiceProfile ReadProfile(FieldReader reader, YamlMapping map, string path, List<PendingReference> references, ServiceDefaults? defaults)
    {
        var id = defaults is not null && map.Get("id") is null ? defaults.Id : reader.RequiredString(map, "id", path);
        var name = defaults?.Name is { } known && map.Get("name") is null ? known : reader.RequiredString(map, "name", path);
        return new ServiceProfile(id, name)
        {
            Kind = KindOf(reader, map, id, path),
            Type = reader.String(map, "type", path),
            Description = reader.String(map, "description", path),
            Owner = FleetRefs.Owner(reader, map, path, references),
            Tier = reader.Int(map, "tier", path, "a tier from 0 to 3"),
            Lifecycle = reader.String(map, "lifecycle", path),
            System = FleetRefs.Single(reader, map, "system", path, EntityKinds.System, "a system id", references),
            Products = reader.StringList(map, "products", path),
            Tags = reader.StringList(map, "tags", path),
            ProvidesApis = ProvidedApis(reader, map, path),
            Repository = reader.String(map, "repository", path),
            Runbook = reader.String(map, "runbook", path),
            OnCall = reader.String(map, "onCall", path),
            Annotations = Annotations(reader, map, path),
        };
    }

    /// <summary>A service id is its short reference with component as the default kind, so <c>resource:</c> marks a resource.</summary>
    private static string KindOf(FieldReader reader, YamlMapping map, string id, string path)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return "component";
        }

        if (id.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        {
            return "resource";
        }

        reader.Error(map.Get("id")!, FieldReader.Join(path, "id"), $"'{id}' is not a service id: write NAME, NAMESPACE/NAME or resource:NAME");
        return "component";
    }

    private static IReadOnlyList<string> ProvidedApis(FieldReader reader, YamlMapping map, string path)
    {
        if (reader.StringList(map, "providesApis", path).Count == 0)
        {
            return [];
        }

        var items = ((YamlSequence)map.Get("providesApis")!).Items;
        var apis = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not YamlScalar { IsNull: false } name)
            {
                continue;
            }

            var api = EntityRefs.Normalize(name.Value, EntityKinds.Api);
            if (EntityRefs.IsValidId(api))
            {
                apis.Add(api);
            }
            else
            {
                reader.Error(name, $"{FieldReader.Join(path, "providesApis")}[{i}]", $"'{name.Value}' is not a valid API name: use lower-case letters, digits and - _ . /");
            }
        }

        return apis;
    }

    private static SortedDictionary<string, string> Annotations(FieldReader reader, YamlMapping service, string path)
    {
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (reader.Mapping(service, "annotations", path) is not { } map)
        {
            return annotations;
        }

        var annotationsPath = FieldReader.Join(path, "annotations");
        reader.CheckKeys(map, annotationsPath, null);
        foreach (var (key, value) in map.Entries)
        {
            if (value is YamlScalar { IsNull: false } text)
            {
                annotations[key.Value] = text.Value;
            }
            else
            {
                reader.Error(value, $"{annotationsPath}.{key.Value}", $"must be a text value, was {value.Describe}");
            }
        }

        return annotations;
    }
}

/// <summary>What a service read on its own (a request body) takes when it leaves out its id or name: the service it is sent to.</summary>
internal sealed record ServiceDefaults(string Id, string? Name);
