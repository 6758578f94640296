using Governance.Fuzzing;
using Governance.Integrations.Policies;
using Governance.Policies.Tests.Support;
using Xunit.Abstractions;

namespace Governance.Policies.Tests.Fuzzing;

/// <summary>
/// The policy loader on generated files grown from the shipped policies (beside the tier targets): whatever the input, it
/// returns a set or errors (never throws, never both), and every error names a file of the load, a line in it and a column.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class PolicyLoaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Any_policy_file_loads_to_a_set_or_to_located_errors()
    {
        var targets = _files.Write("tier-targets.yaml", PolicyFiles.TierTargets);
        var seeds = SeedCorpus.PolicyFiles.Where(seed => seed.Name != "tier-targets.yaml").ToList();

        FuzzBudget.Check(Documents.Any(seeds), document =>
        {
            var file = Path.Combine(_files.Directory, "policy.yaml");
            File.WriteAllBytes(file, document.Bytes);

            var result = PolicyLoader.LoadFiles([targets, file]);

            Assert.True(result.Succeeded == (result.Errors.Count == 0), $"a set and {result.Errors.Count} errors");
            Assert.Equal(result.Succeeded, result.Engine is not null);
            foreach (var error in result.Errors)
            {
                Assert.True(error.File == targets || error.File == file, $"'{error}' names a file the load was not given");
                Assert.True(error.Line >= 1 && error.Column >= 1, $"'{error}' has no line and column");
                Assert.False(string.IsNullOrWhiteSpace(error.Message), $"'{error}' says nothing");
            }
        }, output.WriteLine);
    }
}
