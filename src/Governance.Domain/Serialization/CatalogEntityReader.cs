using System.Text.Json;
using Governance.Domain.Catalog;

namespace Governance.Domain.Serialization;

/// <summary>
/// Reads a catalog entity's JSON, in the shape <see cref="DomainJson.Options"/> writes, straight off the UTF-8 bytes: the
/// other half of the fleet-wide read, which with <see cref="ServiceStateReader"/> needs no serializer metadata at all.
/// </summary>
internal static class CatalogEntityReader
{
    /// <summary>The entity in <paramref name="utf8Json"/>.</summary>
    /// <exception cref="JsonException">The JSON is malformed or does not have the shape of a catalog entity.</exception>
    public static CatalogEntity Read(ReadOnlySpan<byte> utf8Json) => JsonValues.ReadWhole(utf8Json, Entity, "catalog entity");

    private static CatalogEntity Entity(ref Utf8JsonReader reader)
    {
        reader.ExpectObject();
        string? kind = null, id = null, name = null, description = null, owner = null, parent = null, type = null, email = null;
        IReadOnlyList<string> memberOf = [], tags = [];
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("kind"u8))
            {
                kind = reader.NextString();
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                id = reader.NextString();
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = reader.NextString();
            }
            else if (reader.ValueTextEquals("description"u8))
            {
                description = reader.NextString();
            }
            else if (reader.ValueTextEquals("owner"u8))
            {
                owner = reader.NextString();
            }
            else if (reader.ValueTextEquals("parent"u8))
            {
                parent = reader.NextString();
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = reader.NextString();
            }
            else if (reader.ValueTextEquals("email"u8))
            {
                email = reader.NextString();
            }
            else if (reader.ValueTextEquals("memberOf"u8))
            {
                memberOf = reader.NextArray(JsonValues.OnString);
            }
            else if (reader.ValueTextEquals("tags"u8))
            {
                tags = reader.NextArray(JsonValues.OnString);
            }
            else
            {
                reader.Skip();
            }
        }

        return new CatalogEntity(kind!, id!, name!)
        {
            Description = description,
            Owner = owner,
            Parent = parent,
            Type = type,
            Email = email,
            MemberOf = memberOf,
            Tags = tags,
        };
    }
}
