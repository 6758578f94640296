using System.Globalization;
using Governance.Domain.Catalog;
using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>
/// Reads metadata.annotations and metadata.links, and the facts that well-known annotations state:
/// tier, on-call, repository and runbook.
/// </summary>
internal static class BackstageAnnotations
{
    public const string Tier = "governance.io/tier";
    public const string SubcomponentOf = "governance.io/subcomponent-of";
    public const string PagerDutyService = "pagerduty.com/service-id";
    public const string OpsgenieTeam = "opsgenie.com/team";
    public const string GitHubSlug = "github.com/project-slug";
    public const string SourceLocation = "backstage.io/source-location";

    public static string Field(string annotation) => $"metadata.annotations[{annotation}]";

    /// <summary>All annotations, sorted by key; values that are not text are reported and left out.</summary>
    public static SortedDictionary<string, string> Read(BackstageEntity entity)
    {
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (entity.Reader.Mapping(entity.Metadata, "annotations", "metadata") is not { } map)
        {
            return annotations;
        }

        entity.Reader.CheckKeys(map, "metadata.annotations", null);
        foreach (var (key, value) in map.Entries)
        {
            if (value is YamlScalar { IsNull: false } text)
            {
                annotations[key.Value] = text.Value;
            }
            else
            {
                entity.Reader.Error(value, Field(key.Value), $"must be a text value, was {value.Describe}");
            }
        }

        return annotations;
    }

    /// <summary>The profile's facts from annotations and links laid over <paramref name="profile"/>.</summary>
    public static ServiceProfile ApplyFacts(BackstageEntity entity, ServiceProfile profile, IReadOnlyDictionary<string, string> annotations) => profile with
    {
        Tier = ReadTier(entity, annotations),
        OnCall = annotations.GetValueOrDefault(PagerDutyService) ?? annotations.GetValueOrDefault(OpsgenieTeam),
        Repository = Repository(annotations),
        Runbook = Runbook(entity),
    };

    /// <summary>The node of an annotation's value, for source locations.</summary>
    public static YamlNode? Node(BackstageEntity entity, string annotation) =>
        (FieldReader.Value(entity.Metadata, "annotations") as YamlMapping)?.Get(annotation);

    private static int? ReadTier(BackstageEntity entity, IReadOnlyDictionary<string, string> annotations)
    {
        if (!annotations.TryGetValue(Tier, out var text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tier))
        {
            return tier;
        }

        entity.Reader.Error(Node(entity, Tier)!, Field(Tier), $"must be a tier from 0 to 3, was '{text}'");
        return null;
    }

    private static string? Repository(IReadOnlyDictionary<string, string> annotations)
    {
        if (annotations.TryGetValue(GitHubSlug, out var slug) && slug.Trim().Length > 0)
        {
            return $"https://github.com/{slug.Trim()}";
        }

        // source-location is a location reference (url:…); only a URL names a repository.
        var source = annotations.GetValueOrDefault(SourceLocation)?.Trim();
        var url = source?.StartsWith("url:", StringComparison.Ordinal) == true ? source[4..] : source;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? url : null;
    }

    private static string? Runbook(BackstageEntity entity)
    {
        if (entity.Reader.Sequence(entity.Metadata, "links", "metadata") is not { } links)
        {
            return null;
        }

        foreach (var link in links.Items.OfType<YamlMapping>())
        {
            var title = FieldReader.Value(link, "title") as YamlScalar;
            var type = FieldReader.Value(link, "type") as YamlScalar;
            var isRunbook = string.Equals(title?.Value.Trim(), "runbook", StringComparison.OrdinalIgnoreCase)
                || string.Equals(type?.Value.Trim(), "runbook", StringComparison.OrdinalIgnoreCase);
            if (isRunbook && FieldReader.Value(link, "url") is YamlScalar url)
            {
                return url.Value;
            }
        }

        return null;
    }
}
