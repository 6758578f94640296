using System.Text.Json;
using Governance.Domain.Catalog;

namespace Governance.Domain.Serialization;

/// <summary>Reads a <see cref="ServiceProfile"/> for <see cref="ServiceStateReader"/>.</summary>
internal static class ServiceProfileReader
{
    // A profile as constructed: its values are what a missing property means.
    private static readonly ServiceProfile Default = new(string.Empty, string.Empty);

    public static ServiceProfile Profile(ref Utf8JsonReader reader)
    {
        reader.ExpectObject();
        string? id = null, name = null, type = null, description = null, owner = null, lifecycle = null, system = null;
        string? repository = null, runbook = null, onCall = null;
        var kind = Default.Kind;
        int? tier = null;
        IReadOnlyList<string> products = [], tags = [], apis = [], dependencyOf = [];
        var annotations = Default.Annotations;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = reader.NextString();
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = reader.NextString();
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                kind = reader.NextString()!;
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = reader.NextString();
            }
            else if (reader.ValueTextEquals("description"u8))
            {
                description = reader.NextString();
            }
            else if (reader.ValueTextEquals("owner"u8))
            {
                owner = reader.NextString();
            }
            else if (reader.ValueTextEquals("tier"u8))
            {
                tier = reader.NextNullableInt();
            }
            else if (reader.ValueTextEquals("lifecycle"u8))
            {
                lifecycle = reader.NextString();
            }
            else if (reader.ValueTextEquals("system"u8))
            {
                system = reader.NextString();
            }
            else if (reader.ValueTextEquals("products"u8))
            {
                products = reader.NextArray(JsonValues.OnString);
            }
            else if (reader.ValueTextEquals("tags"u8))
            {
                tags = reader.NextArray(JsonValues.OnString);
            }
            else if (reader.ValueTextEquals("providesApis"u8))
            {
                apis = reader.NextArray(JsonValues.OnString);
            }
            else if (reader.ValueTextEquals("dependencyOf"u8))
            {
                dependencyOf = reader.NextArray(JsonValues.OnString);
            }
            else if (reader.ValueTextEquals("repository"u8))
            {
                repository = reader.NextString();
            }
            else if (reader.ValueTextEquals("runbook"u8))
            {
                runbook = reader.NextString();
            }
            else if (reader.ValueTextEquals("onCall"u8))
            {
                onCall = reader.NextString();
            }
            else if (reader.ValueTextEquals("annotations"u8))
            {
                annotations = Annotations(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new ServiceProfile(id!, name!)
        {
            Kind = kind,
            Type = type,
            Description = description,
            Owner = owner,
            Tier = tier,
            Lifecycle = lifecycle,
            System = system,
            Products = products,
            Tags = tags,
            ProvidesApis = apis,
            DependencyOf = dependencyOf,
            Repository = repository,
            Runbook = runbook,
            OnCall = onCall,
            Annotations = annotations,
        };
    }

    /// <summary>The annotations, ordered by key as the profile keeps them; none is the profile's shared empty set.</summary>
    private static IReadOnlyDictionary<string, string> Annotations(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Default.Annotations;
        }

        reader.ExpectObject();
        SortedDictionary<string, string>? annotations = null;
        while (reader.NextProperty())
        {
            var key = reader.GetString()!;
            (annotations ??= new SortedDictionary<string, string>(StringComparer.Ordinal))[key] =
                reader.NextString() ?? throw new JsonException($"annotation '{key}' is null");
        }

        return annotations ?? Default.Annotations;
    }
}
