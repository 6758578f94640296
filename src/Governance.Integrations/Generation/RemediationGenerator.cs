using Governance.Domain.Remediation;

namespace Governance.Integrations.Generation;

/// <summary>Draws a few remediation items for a service, as an incident's programme would open them.</summary>
internal static class RemediationGenerator
{
    private static readonly double[] _statusWeights = [35, 25, 35, 5];
    private static readonly double[] _priorityWeights = [10, 30, 40, 20];

    public static IReadOnlyList<RemediationItem> Items(int serviceIndex, string owner, Random random)
    {
        if (!random.Chance(0.06))
        {
            return [];
        }

        var opened = random.DaysAgo(700);
        var programme = $"INC-{opened.Year}-{random.Next(1, 200):D3}";
        var count = random.Next(1, 4);
        var items = new RemediationItem[count];
        for (var k = 0; k < count; k++)
        {
            items[k] = Item($"R{serviceIndex}-{k + 1:D2}", programme, owner, opened, random);
        }

        return items;
    }

    private static RemediationItem Item(string id, string programme, string owner, DateOnly opened, Random random)
    {
        var status = (RemediationStatus)random.Weighted(_statusWeights);
        var target = Quarter.Of(opened.AddDays(random.Next(0, 400)));
        return new RemediationItem(id, random.Pick(GeneratorVocabulary.ItemTitles))
        {
            Programme = programme,
            Owner = owner,
            Priority = (Priority)random.Weighted(_priorityWeights),
            Status = status,
            OpenedOn = opened,
            TargetQuarter = random.Chance(0.7) ? target : null,
            Eta = random.Maybe(0.4, () => opened.AddDays(random.Next(14, 401))),
            CompletedAt = status == RemediationStatus.Done
                ? new DateTimeOffset(opened.AddDays(random.Next(5, 201)).ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero)
                : null,
            CustomerFacing = random.Chance(0.3) ? $"We completed work to make the service more resilient: {id}." : null,
        };
    }
}
