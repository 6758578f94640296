namespace Governance.Integrations.Generation;

/// <summary>The few draws the generator needs, on top of a seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    /// <summary>A fixed reference date, so that a seed gives the same fleet whenever it is generated.</summary>
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Picks an index by weight.</summary>
    public static int Weighted(this Random random, IReadOnlyList<double> weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>A Poisson draw (Knuth's method; fine for the small means used here).</summary>
    public static int Poisson(this Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    /// <summary>A date up to <paramref name="maxDaysAgo"/> days before <see cref="AsOf"/>; older dates make stale facts.</summary>
    public static DateOnly DaysAgo(this Random random, int maxDaysAgo) => AsOf.AddDays(-random.Next(maxDaysAgo + 1));

    /// <summary>The value with the given probability, else null (an unknown fact).</summary>
    public static T? Maybe<T>(this Random random, double probability, Func<T> value)
        where T : struct => random.Chance(probability) ? value() : null;

    /// <summary>The text with the given probability, else null.</summary>
    public static string? MaybeText(this Random random, double probability, Func<string> value) => random.Chance(probability) ? value() : null;
}
