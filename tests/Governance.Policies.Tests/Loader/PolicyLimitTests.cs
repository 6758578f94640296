using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Loader;

/// <summary>Policy files are read within the same limits as catalogs, and a condition within a depth and a count of its own.</summary>
public sealed class PolicyLimitTests : IDisposable
{
    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Conditions_nested_deeper_than_16_are_refused_where_the_17th_begins()
    {
        const int Depth = 20;
        var when = string.Concat(Enumerable.Range(0, Depth).Select(level => new string(' ', 2 * level) + "not:\n")) + new string(' ', 2 * Depth) + "{ fact: tier, equals: 0 }";
        var text = PolicyFiles.Policy("deep", when);
        var file = _files.Write("deep.yaml", text);

        // The first condition starts on the line after "when:", two spaces in; each one below it a line down and two spaces further.
        var first = Array.IndexOf(text.Split('\n'), "when:") + 2;
        Assert.Equal([$"{file}:{first + 16}:{3 + (2 * 16)}: when{string.Concat(Enumerable.Repeat(".not", 16))}: conditions nested more than 16 deep (the limit): split the policy, or flatten all and any"], Errors());
    }

    [Fact]
    public void More_than_1000_conditions_counting_each_use_of_an_alias_are_refused()
    {
        var facts = string.Join(", ", Enumerable.Repeat("{ fact: tier, equals: 0 }", 10));
        var file = _files.Write("wide.yaml", PolicyFiles.Policy("wide", $$"""
            all:
              - &ten { any: [{{facts}}] }
              - &hundred { all: [{{string.Join(", ", Enumerable.Repeat("*ten", 10))}}] }
              - { all: [{{string.Join(", ", Enumerable.Repeat("*hundred", 10))}}] }
            """));

        // 1 + 11 + 111 conditions before the third item, 1 for it, then 111 for each *hundred: the eighth passes 1,000 in its
        // ninth *ten (1 + 11 x 9 more), at that *ten's tenth fact.
        var error = Assert.Single(Errors());
        Assert.StartsWith($"{file}:", error, StringComparison.Ordinal);
        Assert.EndsWith(": when.all[2].all[7].all[8].any[9]: more than 1,000 conditions in one policy (the limit), counting each use of an alias", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_that_holds_itself_through_an_alias_is_refused_as_a_cycle()
    {
        var file = _files.Write("cycle.yaml", PolicyFiles.Policy("cycle", "&self\nnot: *self").Replace("when:\n  &self", "when: &self", StringComparison.Ordinal));

        var error = Assert.Single(Errors());
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(file)}:\\d+:8: when.not: the alias \\*self stands for a list or mapping that holds it: a cycle, which cannot be read$", error);
    }

    [Fact]
    public void A_policy_file_over_256_MiB_is_refused_before_it_is_read()
    {
        var file = Path.Combine(_files.Directory, "huge.yaml");
        using (var sparse = File.Create(file))
        {
            sparse.SetLength((256L * 1024 * 1024) + 1);
        }

        Assert.Equal([$"{file}:1:1: (file): is 268,435,457 bytes; a file may hold at most 256 MiB (the limit): split it"], Errors());
    }

    [Fact]
    public void A_link_leading_out_of_the_policy_folder_is_an_error_rather_than_a_policy_left_out()
    {
        using var elsewhere = new PolicyFiles();
        var outside = elsewhere.Write("shared.yaml", PolicyFiles.Policy("shared", "fact: tier\nequals: 0"));
        var link = Path.Combine(_files.Directory, "shared.yaml");
        File.CreateSymbolicLink(link, outside);

        Assert.Equal([$"{link}:1:1: (path): is a link to {outside}, outside {_files.Directory}: not read (name that file itself to read it)"], Errors());
    }

    private List<string> Errors()
    {
        _files.Write("tier-targets.yaml", PolicyFiles.TierTargets);
        var result = _files.Load();
        Assert.Null(result.Set);
        return [.. result.Errors.Select(error => error.ToString())];
    }
}
