using Governance.Integrations.Import;

namespace Governance.Fuzzing;

/// <summary>What every plan read from any input must satisfy: each problem names a file of the import, a line in it, and a field.</summary>
public static class PlanProperties
{
    /// <summary>Throws, naming the problem, unless every problem of <paramref name="plan"/> is located.</summary>
    public static void AssertLocated(CatalogImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = plan.Errors.Concat(plan.Warnings).Concat(plan.Skipped.SelectMany(skipped => skipped.Problems)).ToList();
        foreach (var problem in problems)
        {
            // A path the search passed over (a link leading out, a special file) is named itself; anything else is in a file read.
            var read = plan.Files.Contains(problem.Location.File);
            Check(read || problem.Field == "(path)", $"'{problem}' names a file the import did not read ({string.Join(", ", plan.Files)})");
            Check(problem.Location.Line >= 1 && problem.Location.Column >= 1, $"'{problem}' has no line and column");
            Check(!read || problem.Location.Line <= LineCount(problem.Location.File), $"'{problem}' names a line past the end of its file");
            Check(!string.IsNullOrWhiteSpace(problem.Field), $"'{problem}' names no field");
            Check(!string.IsNullOrWhiteSpace(problem.Message), $"'{problem}' says nothing");
        }
    }

    private static void Check(bool holds, string failure)
    {
        if (!holds)
        {
            throw new PropertyFailedException(failure);
        }
    }

    /// <summary>Lines as a YAML reader counts them: every kind of line break it knows, in the text as the reader decodes it.</summary>
    private static int LineCount(string file)
    {
        using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
        return 1 + reader.ReadToEnd().Count(c => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029');
    }
}

/// <summary>A fuzz property that does not hold for a generated input.</summary>
public sealed class PropertyFailedException(string message) : Exception(message);
