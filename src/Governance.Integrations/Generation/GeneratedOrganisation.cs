using Governance.Domain.Catalog;

namespace Governance.Integrations.Generation;

/// <summary>Draws the teams (a few departments, the rest teams within them) and the systems they own.</summary>
internal static class GeneratedOrganisation
{
    public static IReadOnlyList<CatalogEntity> Teams(int count, Random random)
    {
        var departments = Math.Max(1, count / 12);
        var teams = new CatalogEntity[count];
        for (var k = 0; k < count; k++)
        {
            var domain = random.Pick(GeneratorVocabulary.Domains);
            var id = k < departments ? $"dept-{domain}-{k}" : $"team-{domain}-{k}";
            teams[k] = new CatalogEntity(EntityKinds.Group, id, GeneratorVocabulary.Title(id))
            {
                Email = $"{id}@example.com",
                Parent = k < departments ? null : teams[random.Next(departments)].Id,
                Description = random.Chance(0.5) ? $"Runs the {domain} services" : null,
            };
        }

        return teams;
    }

    public static IReadOnlyList<CatalogEntity> Systems(int count, IReadOnlyList<CatalogEntity> teams, Random random)
    {
        var systems = new CatalogEntity[count];
        for (var k = 0; k < count; k++)
        {
            var id = $"{random.Pick(GeneratorVocabulary.Domains)}-{random.Pick(GeneratorVocabulary.SystemSuffixes)}-{k}";
            systems[k] = new CatalogEntity(EntityKinds.System, id, GeneratorVocabulary.Title(id))
            {
                Owner = random.Pick(teams).Id,
                Description = random.Chance(0.6) ? $"The {GeneratorVocabulary.Title(id)} system" : null,
            };
        }

        return systems;
    }
}
