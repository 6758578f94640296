using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>Reads the fleet format's teams (catalog groups) and systems.</summary>
internal static class FleetEntityReader
{
    private static readonly KeySet _teamKeys = new("id", "name", "description", "email", "parent");
    private static readonly KeySet _systemKeys = new("id", "name", "description", "owner");

    public static EntityDraft ReadTeam(YamlNode node, int index, string file) =>
        Read(node, $"teams[{index}]", file, EntityKinds.Group, _teamKeys, static (reader, map, path, references) =>
        {
            var email = reader.String(map, "email", path);
            var parent = FleetRefs.Single(reader, map, "parent", path, EntityKinds.Group, "a team id", references);
            return entity => entity with { Email = email, Parent = parent };
        });

    public static EntityDraft ReadSystem(YamlNode node, int index, string file) =>
        Read(node, $"systems[{index}]", file, EntityKinds.System, _systemKeys, static (reader, map, path, references) =>
        {
            var owner = FleetRefs.Owner(reader, map, path, references);
            return entity => entity with { Owner = owner };
        });

    private static EntityDraft Read(
        YamlNode node,
        string path,
        string file,
        string kind,
        KeySet keys,
        Func<FieldReader, YamlMapping, string, List<PendingReference>, Func<CatalogEntity, CatalogEntity>> readKindFields)
    {
        var errors = new List<ImportProblem>();
        var reader = new FieldReader(file, errors);
        var location = reader.At(node);
        if (node is not YamlMapping map)
        {
            reader.Error(node, path, $"must be a mapping with at least an id, was {node.Describe}");
            return new EntityDraft(path, location, errors, new DefineEntity(new CatalogEntity(kind, string.Empty, string.Empty)));
        }

        reader.CheckKeys(map, path, keys);
        var id = reader.RequiredString(map, "id", path);
        var draft = new EntityDraft(path, location, errors, new DefineEntity(new CatalogEntity(kind, id, id)));
        var complete = readKindFields(reader, map, path, draft.References);
        var entity = complete(new CatalogEntity(kind, id, reader.String(map, "name", path) ?? id)
        {
            Description = reader.String(map, "description", path),
        });
        draft.Command = new DefineEntity(entity);
        Identify(draft, kind, id, path, map, reader);
        DraftValidation.Validate(draft, new FleetSourceMap(file, map, path));
        return draft;
    }

    private static void Identify(Draft draft, string kind, string id, string path, YamlMapping map, FieldReader reader)
    {
        draft.IdSource = ($"{path}.id", reader.At(map.Get("id") ?? map));
        if (id.Length > 0)
        {
            draft.Subject = $"{kind}:{id}";
            draft.HasId = true;
        }
    }
}
