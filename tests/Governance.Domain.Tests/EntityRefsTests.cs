using Governance.Domain.Catalog;

namespace Governance.Domain.Tests;

public sealed class EntityRefsTests
{
    [Theory]
    [InlineData("artist-lookup", "artist-lookup")]
    [InlineData("component:default/Artist-Lookup", "artist-lookup")]
    [InlineData("resource:artists-db", "resource:artists-db")]
    [InlineData("Component:ops/Queue", "ops/queue")]
    public void Service_references_normalise_to_short_lower_case_ids(string reference, string expected) =>
        Assert.Equal(expected, EntityRefs.Normalize(reference, "component"));

    [Theory]
    [InlineData("team-a", "group:team-a")]
    [InlineData("user:guest", "user:guest")]
    [InlineData("group:default/Team-B", "group:team-b")]
    public void Owner_references_resolve_to_subjects_with_group_as_default_kind(string reference, string expected) =>
        Assert.Equal(expected, CatalogReferences.SubjectOf(reference, EntityKinds.Group));

    [Theory]
    [InlineData("feature-enablement", true)]
    [InlineData("resource:artists-db", true)]
    [InlineData("Upper", false)]
    [InlineData("-leading", false)]
    [InlineData("", false)]
    public void Ids_are_lower_case_slugs(string id, bool valid) => Assert.Equal(valid, EntityRefs.IsValidId(id));
}
