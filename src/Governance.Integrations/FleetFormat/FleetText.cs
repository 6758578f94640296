using System.Text.RegularExpressions;
using Governance.Domain;
using Governance.Domain.Commands;
using Governance.Domain.Remediation;
using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>
/// What reading one fleet-format item out of a text of its own gave: the value, or every problem found, each naming the
/// field as the text writes it (<c>dependencies[1].timeoutMs</c>) and its line and column.
/// </summary>
public sealed class FleetTextRead<T>
    where T : class
{
    private readonly Func<FieldError, ImportProblem> _locate;

    internal FleetTextRead(T? value, IReadOnlyList<ImportProblem> errors, Func<FieldError, ImportProblem> locate)
    {
        Value = errors.Count == 0 ? value : null;
        Errors = errors;
        _locate = locate;
    }

    /// <summary>The item; null when there are errors.</summary>
    public T? Value { get; }

    public IReadOnlyList<ImportProblem> Errors { get; }

    /// <summary>A rule the domain found broken later (a grain deciding on the current state), placed in the text.</summary>
    public ImportProblem Locate(FieldError error) => _locate(error);
}

/// <summary>
/// Reads one service, or one remediation item, of the fleet format from a text that holds only it, such as a JSON request
/// body (JSON is YAML's flow style): the same reader and rules as a file import, so the API never restates the format.
/// </summary>
public static partial class FleetText
{
    /// <summary>What locations name as the file: the request body.</summary>
    public const string Source = "(body)";

    /// <summary>
    /// Reads a service definition. With <paramref name="id"/> (and <paramref name="name"/>), a text that leaves out its id
    /// (or name) defines that service; a text that names another id is refused by the domain, which checks the id a
    /// definition is sent to.
    /// </summary>
    public static FleetTextRead<DefineService> ReadService(string text, DefinitionMode mode, string? id = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, failed) = Parse(text);
        if (failed is not null)
        {
            return new FleetTextRead<DefineService>(null, [failed], Unlocated);
        }

        var (draft, map) = FleetServiceReader.Read(root!, string.Empty, Source, id is null ? null : new ServiceDefaults(id, name));
        // A problem with the service as a whole (a body that is not a mapping) has no field of its own: it is the body's.
        return new FleetTextRead<DefineService>(
            draft.Command with { Mode = mode },
            [.. draft.Errors.Select(error => error.Field.Length == 0 ? error with { Field = Source } : error)],
            error => map is null ? Unlocated(error) : Problem(error, map.Resolve(error.Field)));
    }

    /// <summary>Reads one remediation item, and checks the item's own rules.</summary>
    public static FleetTextRead<RemediationItem> ReadRemediationItem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, failed) = Parse(text);
        if (failed is not null || root is not YamlMapping map)
        {
            ImportProblem notMapping = failed ?? new(new SourceLocation(Source, root!.Line, root.Column), Source, $"must be a mapping with id, title and openedOn, was {root.Describe}");
            return new FleetTextRead<RemediationItem>(null, [notMapping], Unlocated);
        }

        var errors = new List<ImportProblem>();
        var item = FleetRemediationReader.ReadItem(new FieldReader(Source, errors), map, string.Empty);
        var sourceMap = new FleetSourceMap(Source, map, string.Empty);
        ImportProblem Locate(FieldError error) => Problem(error, sourceMap.Resolve(ItemPrefix().Replace(error.Field, string.Empty)));
        if (errors.Count == 0)
        {
            errors.AddRange(item.Validate("item").Select(Locate));
        }

        return new FleetTextRead<RemediationItem>(item, errors, Locate);
    }

    /// <summary>Places a field the domain names (<c>expires</c>, <c>items[2].eta</c>) in a JSON or YAML text: where its value is, else where it belongs.</summary>
    public static ImportProblem Locate(string text, FieldError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(error);
        return Parse(text).Root is YamlMapping map ? Problem(error, new FleetSourceMap(Source, map, string.Empty).Resolve(error.Field)) : Unlocated(error);
    }

    // The domain names an item's fields under the command (item.eta) or under the state's list (remediationItems[3].eta).
    [GeneratedRegex(@"^(item\.|remediationItems\[\d+\]\.)")]
    private static partial Regex ItemPrefix();

    private static ImportProblem Problem(FieldError error, (string Field, SourceLocation Location) at) =>
        new(at.Location, at.Field.Length == 0 ? Source : at.Field, error.Message);

    private static ImportProblem Unlocated(FieldError error) => new(new SourceLocation(Source, 1, 1), error.Field, error.Message);

    /// <summary>The one YAML (or JSON) value <paramref name="text"/> holds, or the problem that makes it unreadable.</summary>
    private static (YamlNode? Root, ImportProblem? Problem) Parse(string text)
    {
        YamlDocumentReader? reader = null;
        try
        {
            reader = new YamlDocumentReader(new StringReader(text));
            if (!reader.TryRead(null, out var root) || root is null)
            {
                return (null, new ImportProblem(new SourceLocation(Source, 1, 1), Source, "is empty"));
            }

            return reader.TryRead(null, out _)
                ? (null, new ImportProblem(new SourceLocation(Source, reader.LastEventStart.Line, reader.LastEventStart.Column), Source, "holds more than one document; send one"))
                : (root, null);
        }
        catch (InputLimitException limit)
        {
            // A body over a limit names the field where it went over, as a file would.
            return (null, new ImportProblem(new SourceLocation(Source, limit.Line, limit.Column), limit.Field == "(document)" ? Source : limit.Field, limit.Message));
        }
        catch (Exception exception) when (YamlFailures.Locate(exception, Source, reader, () => new StringReader(text)) is { } problem)
        {
            return (null, problem with { Field = Source, Message = problem.Message.Replace("not valid YAML: ", "is not well-formed JSON: ", StringComparison.Ordinal) });
        }
    }
}
