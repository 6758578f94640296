using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>Reads one <c>kind: Fleet</c> document: checks its header and root fields, and reads its teams, systems and services.</summary>
internal sealed class FleetDocumentReader(FileResult result) : IDisposable
{
    public const string ApiVersion = "governance/v1";
    public const string Kind = "Fleet";

    private static readonly KeySet _rootKeys = new("apiVersion", "kind", "teams", "systems", "services");

    private readonly FieldReader _reader = new(result.File, result.Errors);
    private ServicePipeline? _services;

    /// <summary>A reader for the document whose root (so far) carries the fleet header; null otherwise.</summary>
    public static FleetDocumentReader? TryStart(YamlMapping rootSoFar, FileResult result) =>
        FieldReader.Text(rootSoFar, "apiVersion") == ApiVersion && FieldReader.Text(rootSoFar, "kind") == Kind ? new FleetDocumentReader(result) : null;

    /// <summary>True when a document that names no kind looks like a fleet document that lost its header.</summary>
    public static bool LooksLikeFleet(YamlMapping root) =>
        root.Get("services") is not null || root.Get("teams") is not null || root.Get("systems") is not null;

    /// <summary>Takes the items of a root list as they are parsed; services are mapped on a second thread.</summary>
    public Action<int, YamlNode>? Streamer(string key) => key == "services" ? (_services ??= new ServicePipeline(result)).Post : ItemReader(key);

    /// <summary>Checks the whole document once parsed, and reads the lists that were not streamed.</summary>
    public void Finish(YamlMapping root, int index)
    {
        // Streamed services must all be in before anything else reads or adds to the file's services.
        _services?.Complete();
        if (!CheckHeader(root, index))
        {
            return;
        }

        _reader.CheckKeys(root, string.Empty, _rootKeys);
        foreach (var key in new[] { "teams", "systems", "services" })
        {
            if (_reader.Sequence(root, key, string.Empty) is { Streamed: false } list && ItemReader(key) is { } read)
            {
                for (var i = 0; i < list.Items.Count; i++)
                {
                    read(i, list.Items[i]);
                }
            }
        }
    }

    public void Dispose() => _services?.Dispose();

    private Action<int, YamlNode>? ItemReader(string key) => key switch
    {
        "teams" => (index, node) => result.Entities.Add(FleetEntityReader.ReadTeam(node, index, result.File)),
        "systems" => (index, node) => result.Entities.Add(FleetEntityReader.ReadSystem(node, index, result.File)),
        "services" => (index, node) => result.Services.Add(FleetServiceReader.Read(node, index, result.File)),
        _ => null,
    };

    private bool CheckHeader(YamlMapping root, int index)
    {
        var apiVersion = FieldReader.Text(root, "apiVersion");
        var kind = FieldReader.Text(root, "kind");
        if (apiVersion != ApiVersion)
        {
            var message = apiVersion is null
                ? $"is required: a fleet document starts with apiVersion: {ApiVersion} and kind: {Kind}"
                : $"must be {ApiVersion} for kind {Kind}, was '{apiVersion}'";
            _reader.Error(root.Get("apiVersion") ?? root, "apiVersion", message);
            return false;
        }

        if (kind != Kind)
        {
            if (kind is null)
            {
                _reader.Error(root.Get("kind") ?? root, "kind", $"is required: a {ApiVersion} document is kind {Kind}");
                return false;
            }

            // Like any kind no reader knows, a wrong one is an error, or with --skip-invalid a document left out and listed.
            var message = kind.Trim().Length == 0 ? $"is empty: a {ApiVersion} document is kind {Kind}" : $"must be {Kind} for apiVersion {ApiVersion}, was '{kind}'";
            var problem = new ImportProblem(_reader.At(root.Get("kind")!), "kind", message);
            result.Unusable.Add(new UnusableDraft($"document {index + 1}", _reader.At(root), [problem]));
            return false;
        }

        return true;
    }
}
