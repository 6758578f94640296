using System.Text.Json.Serialization;

namespace Governance.Domain.Catalog;

/// <summary>How many of each unit of failure a service spans; from it follows the service's exposure.</summary>
public sealed record Footprint(int Hosts, int Zones, int Regions, int Providers)
{
    /// <summary>The smallest unit of failure whose loss takes the whole service down.</summary>
    [JsonIgnore]
    public UnitOfFailure Exposure => (Hosts, Zones, Regions, Providers) switch
    {
        ( <= 1, _, _, _) => UnitOfFailure.Host,
        (_, <= 1, _, _) => UnitOfFailure.Zone,
        (_, _, <= 1, _) => UnitOfFailure.Region,
        (_, _, _, <= 1) => UnitOfFailure.Provider,
        _ => UnitOfFailure.None,
    };

    /// <summary>Checks that counts are positive and nest (a zone holds hosts, a region zones, …).</summary>
    public IEnumerable<FieldError> Validate(string path)
    {
        foreach (var (name, count) in new[] { ("hosts", Hosts), ("zones", Zones), ("regions", Regions), ("providers", Providers) })
        {
            if (count < 1)
            {
                yield return new FieldError($"{path}.{name}", $"must be at least 1, was {count}");
            }
        }

        if (Zones > Hosts)
        {
            yield return new FieldError($"{path}.zones", $"cannot exceed hosts ({Hosts}): every zone needs a host, was {Zones}");
        }

        if (Regions > Zones)
        {
            yield return new FieldError($"{path}.regions", $"cannot exceed zones ({Zones}), was {Regions}");
        }

        if (Providers > Regions)
        {
            yield return new FieldError($"{path}.providers", $"cannot exceed regions ({Regions}), was {Providers}");
        }
    }
}
