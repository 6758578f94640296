using System.Text;
using CsCheck;
using YamlDotNet.RepresentationModel;

namespace Governance.Fuzzing;

/// <summary>How a generated document is written: YAML as the catalog and policy files are, or JSON as the API's bodies are.</summary>
public enum DocumentForm
{
    Yaml,
    Json,
}

/// <summary>A generated input: the seed it grew from, the mutations applied in order, and the bytes they gave.</summary>
public sealed record FuzzDocument(string Seed, IReadOnlyList<Mutation> Mutations, byte[] Bytes)
{
    private const int PreviewLength = 600;

    public string Text => Encoding.UTF8.GetString(Bytes);

    // CsCheck prints this on failure: enough to see the input; the seed it prints replays it exactly.
    public override string ToString()
    {
        var text = Text;
        var preview = text.Length <= PreviewLength ? text : text[..PreviewLength] + "…";
        return $"{Seed} after [{string.Join(", ", Mutations)}], {Bytes.Length} bytes:\n{preview}";
    }
}

/// <summary>The generators of documents, all grown from real seeds: structure-aware, by lines and tokens, and by bytes.</summary>
public static class Documents
{
    /// <summary>A seed read into a tree, mutated 1–5 times there and at most once in its text, and written as <paramref name="form"/>.</summary>
    public static Gen<FuzzDocument> Structured(IReadOnlyList<SeedFile> seeds, DocumentForm form = DocumentForm.Yaml) => Structured(Pick(seeds), form);

    /// <summary>The same over seeds that are generated themselves (a Location's targets, say).</summary>
    public static Gen<FuzzDocument> Structured(Gen<SeedFile> seeds, DocumentForm form = DocumentForm.Yaml) =>
        Gen.Select(seeds, Mutations.Tree.Array[1, 5], Mutations.Text.Array[0, 1], (seed, tree, text) =>
        {
            var stream = Load(seed.Text);
            tree.ToList().ForEach(mutation => TreeMutator.Apply(stream, mutation));
            var written = text.Aggregate(Write(stream, form), TextMutator.Apply);
            return new FuzzDocument(seed.Name, [.. tree, .. text], Encoding.UTF8.GetBytes(written));
        });

    /// <summary>A seed's text with 1–4 line and token mutations: truncation, lines dropped or repeated, stray tokens, flow nesting.</summary>
    public static Gen<FuzzDocument> Lines(IReadOnlyList<SeedFile> seeds) =>
        Gen.Select(Pick(seeds), Mutations.Text.Array[1, 4], (seed, text) =>
            new FuzzDocument(seed.Name, text, Encoding.UTF8.GetBytes(text.Aggregate(seed.Text, TextMutator.Apply))));

    /// <summary>A seed's bytes with 1–6 byte mutations.</summary>
    public static Gen<FuzzDocument> Bytes(IReadOnlyList<SeedFile> seeds) =>
        Gen.Select(Pick(seeds), Mutations.Bytes.Array[1, 6], (seed, bytes) =>
            new FuzzDocument(seed.Name, bytes, bytes.Aggregate(Encoding.UTF8.GetBytes(seed.Text), ByteMutator.Apply)));

    /// <summary>Any of the three, half of them structure-aware.</summary>
    public static Gen<FuzzDocument> Any(IReadOnlyList<SeedFile> seeds, DocumentForm form = DocumentForm.Yaml) =>
        Gen.Frequency((2, Structured(seeds, form)), (1, Lines(form == DocumentForm.Json ? AsJson(seeds) : seeds)), (1, Bytes(form == DocumentForm.Json ? AsJson(seeds) : seeds)));

    /// <summary>
    /// Each node at <paramref name="path"/> of each seed as a seed of its own (<c>services</c>, <c>*</c> for every item):
    /// one service or remediation item of the demo fleet, as an API body holds one.
    /// </summary>
    public static IReadOnlyList<SeedFile> Parts(IReadOnlyList<SeedFile> seeds, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var parts = new List<SeedFile>();
        foreach (var seed in seeds)
        {
            IEnumerable<(string Name, YamlNode Node)> nodes = [.. Load(seed.Text).Documents.Select(document => (seed.Name, document.RootNode))];
            foreach (var step in path)
            {
                nodes = nodes.SelectMany(at => Step(at.Name, at.Node, step)).ToList();
            }

            // Written in block style: YamlDotNet 16.3 can write a flow mapping taken out of its document that it cannot read back.
            parts.AddRange(nodes.Select(node => new SeedFile(node.Name, Write(new YamlStream(new YamlDocument(TreeMutator.Clone(node.Node))), DocumentForm.Yaml))));
        }

        return parts;
    }

    private static IEnumerable<(string, YamlNode)> Step(string name, YamlNode node, string step) => (node, step) switch
    {
        (YamlSequenceNode sequence, "*") => sequence.Children.Select((child, i) => ($"{name}[{i}]", child)),
        (YamlMappingNode map, _) when map.Children.TryGetValue(new YamlScalarNode(step), out var child) => [($"{name}.{step}", child)],
        _ => [],
    };

    private static IReadOnlyList<SeedFile> AsJson(IReadOnlyList<SeedFile> seeds) =>
        [.. seeds.Select(seed => seed with { Text = Write(Load(seed.Text), DocumentForm.Json) })];

    private static Gen<SeedFile> Pick(IReadOnlyList<SeedFile> seeds) =>
        seeds.Count == 0 ? throw new InvalidOperationException("no seed documents") : Gen.Int[0, seeds.Count - 1].Select(index => seeds[index]);

    private static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }

    private static string Write(YamlStream stream, DocumentForm form)
    {
        if (form == DocumentForm.Json)
        {
            return stream.Documents.Count == 1 ? JsonText.Write(stream.Documents[0].RootNode) : string.Join('\n', stream.Documents.Select(document => JsonText.Write(document.RootNode)));
        }

        using var text = new StringWriter();
        stream.Save(text, assignAnchors: true);
        return text.ToString();
    }
}
