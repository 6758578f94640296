using System.Text;
using System.Text.Json;
using Governance.Domain.Catalog;
using Governance.Domain.Serialization;

namespace Governance.Domain.Tests.Serialization;

/// <summary>The fleet-wide read (<see cref="DomainJson.ReadServiceState"/>, <see cref="DomainJson.ReadCatalogEntity"/>) reads exactly what the serializer reads.</summary>
public sealed class FleetReadTests
{
    private const string Minimal = """{"profile":{"id":"a","name":"A"}""";

    [Fact]
    public void The_full_samples_leave_no_property_at_its_default()
    {
        Assert.Empty(DefaultsGuard.PropertiesAtDefault(FullSamples.State));
        Assert.Empty(DefaultsGuard.PropertiesAtDefault(FullSamples.Entity));
    }

    [Fact]
    public void Every_property_of_a_state_survives_the_fast_read()
    {
        var json = DomainJson.Serialize(FullSamples.State);

        Assert.Equal(json, DomainJson.Serialize(DomainJson.ReadServiceState(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Every_property_of_an_entity_survives_the_fast_read()
    {
        var json = DomainJson.Serialize(FullSamples.Entity);

        Assert.Equal(json, DomainJson.Serialize(DomainJson.ReadCatalogEntity(Encoding.UTF8.GetBytes(json))));
    }

    [Theory]
    [InlineData(Minimal + "}")]
    [InlineData(Minimal + ""","dependencies":[{"target":"b"},{"target":"c","timeoutMs":null}],"facts":{},"footprint":null}""")]
    [InlineData(Minimal + ""","dataStores":[{"name":"s","engine":"pg","primitive":"single-instance"}],"facts":{"failover":{"mechanism":"manual"}}}""")]
    [InlineData("""{"waivers":[],"facts":{"environments":["production"],"autoscaling":{"enabled":true}},"profile":{"name":"A","id":"a","annotations":{}}}""")]
    [InlineData(Minimal + ""","future":{"nested":[1,{"deep":true}]},"dependencies":[{"target":"b","weight":3}]}""")]
    public void Missing_unknown_and_reordered_properties_read_as_the_serializer_reads_them(string json)
    {
        var expected = DomainJson.Serialize(DomainJson.Deserialize<ServiceState>(json));

        Assert.Equal(expected, DomainJson.Serialize(DomainJson.ReadServiceState(Encoding.UTF8.GetBytes(json))));
    }

    [Theory]
    [InlineData("""{"footprint":{"hosts":1,"zones":1,"regions":1,"providers":1}}""", "needs a profile")]
    [InlineData("""{"profile":{"id":"a","name":"A","tier":"x"}}""", "not a service state")]
    [InlineData("""{"profile":{"id":"a","name":"A"},"facts":{"environments":["moon"]}}""", "expected one of development, integration, staging, production")]
    [InlineData("""{"profile":{"id":"a","name":"A"},"facts":{"lastDrTest":"2026-13-01"}}""", "expected a date as yyyy-MM-dd")]
    [InlineData("""{"profile":{"id":"a","name":"A"},"dependencies":{"target":"b"}}""", "expected an array")]
    [InlineData("""{"profile":{"id":"a","name":"A"}""", "not a service state")]
    [InlineData("""{"profile":{"id":"a","name":"A"}} {}""", "not a service state")]
    [InlineData("[]", "expected an object")]
    public void A_state_that_cannot_be_read_is_a_json_exception_that_says_why(string json, string expected)
    {
        var problem = Assert.Throws<JsonException>(() => DomainJson.ReadServiceState(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_many_services_share_is_held_once()
    {
        var first = DomainJson.ReadServiceState("""{"profile":{"id":"a","name":"A","owner":"team-shared"}}"""u8);
        var second = DomainJson.ReadServiceState("""{"profile":{"id":"b","name":"B","owner":"team-shared"}}"""u8);

        Assert.Same(first.Profile.Owner, second.Profile.Owner);
    }

    [Fact]
    public void Names_that_compete_for_the_shared_slots_are_each_read_exactly()
    {
        // Far more distinct names than there are slots: collisions replace a slot and must never return a wrong name.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 40_000; i++)
            {
                var owner = $"team-{i}";
                var state = DomainJson.ReadServiceState(Encoding.UTF8.GetBytes($$$"""{"profile":{"id":"s{{{i}}}","name":"S","owner":"{{{owner}}}"}}"""));
                Assert.Equal(owner, state.Profile.Owner);
            }
        }
    }
}
