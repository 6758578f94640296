using System.Text.Json.Serialization;
using Governance.Domain.Remediation;

namespace Governance.Domain.Catalog;

/// <summary>Everything one service aggregate holds: its profile, footprint, stores, facts, outgoing dependencies and remediation items.</summary>
public sealed record ServiceState(ServiceProfile Profile)
{
    /// <summary>Null until someone records where the service runs.</summary>
    public Footprint? Footprint { get; init; }

    public IReadOnlyList<DataStore> DataStores { get; init; } = [];

    public OperationalFacts Facts { get; init; } = OperationalFacts.Unknown;

    /// <summary>Outgoing edges, one per target, ordered by target.</summary>
    public IReadOnlyList<Dependency> Dependencies { get; init; } = [];

    /// <summary>Remediation items, ordered by id.</summary>
    public IReadOnlyList<RemediationItem> RemediationItems { get; init; } = [];

    /// <summary>Accepted risks, one per trait, ordered by trait; expired ones stay on record but no longer apply.</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    [JsonIgnore]
    public string Id => Profile.Id;

    [JsonIgnore]
    public string Subject => $"service:{Profile.Id}";

    /// <summary>The edge by which this service calls <paramref name="callee"/>, directly or through an API the callee provides.</summary>
    public Dependency? EdgeTo(ServiceState callee) => Dependencies.FirstOrDefault(edge =>
        edge.Target == callee.Id || (edge.IsApi && callee.Profile.ProvidesApis.Contains(edge.Target[EntityRefs.ApiPrefix.Length..], StringComparer.Ordinal)));

    /// <summary>Every rule the state breaks, each naming the field in fleet-format terms.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>(Profile.Validate());
        if (Footprint is not null)
        {
            errors.AddRange(Footprint.Validate("footprint"));
        }

        errors.AddRange(Facts.Validate("facts"));
        errors.AddRange(ValidateStores());
        errors.AddRange(ValidateDependencies());
        errors.AddRange(ValidateItems());
        return errors;
    }

    private IEnumerable<FieldError> ValidateStores()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < DataStores.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(DataStores[i].Name))
            {
                yield return new FieldError($"dataStores[{i}].name", "is required");
            }
            else if (!seen.Add(DataStores[i].Name))
            {
                yield return new FieldError($"dataStores[{i}].name", $"duplicate data store '{DataStores[i].Name}'");
            }
        }
    }

    private IEnumerable<FieldError> ValidateDependencies()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Dependencies.Count; i++)
        {
            var edge = Dependencies[i];
            var path = $"dependencies[{i}]";
            if (!EntityRefs.IsValidId(edge.Target))
            {
                yield return new FieldError($"{path}.target", $"'{edge.Target}' is not a valid service id or api:NAME reference");
            }
            else if (edge.Target == Id)
            {
                yield return new FieldError($"{path}.target", "a service cannot depend on itself");
            }
            else if (!seen.Add(edge.Target))
            {
                yield return new FieldError($"{path}.target", $"duplicate dependency on '{edge.Target}'");
            }

            if (edge.TimeoutMs is <= 0)
            {
                yield return new FieldError($"{path}.timeoutMs", $"must be positive, was {edge.TimeoutMs}");
            }

            if (edge.Retries < 0)
            {
                yield return new FieldError($"{path}.retries", $"cannot be negative, was {edge.Retries}");
            }
        }
    }

    private IEnumerable<FieldError> ValidateItems()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < RemediationItems.Count; i++)
        {
            var path = $"remediationItems[{i}]";
            foreach (var error in RemediationItems[i].Validate(path))
            {
                yield return error;
            }

            if (!seen.Add(RemediationItems[i].Id))
            {
                yield return new FieldError($"{path}.id", $"duplicate remediation item '{RemediationItems[i].Id}'");
            }
        }
    }
}
