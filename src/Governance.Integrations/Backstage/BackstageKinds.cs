using System.Text.RegularExpressions;

namespace Governance.Integrations.Backstage;

/// <summary>The kinds of Backstage's descriptor format and its rules for names and namespaces.</summary>
internal static partial class BackstageKinds
{
    public const string Component = "Component";
    public const string Resource = "Resource";
    public const string System = "System";
    public const string Api = "API";
    public const string Group = "Group";
    public const string User = "User";
    public const string Domain = "Domain";
    public const string Location = "Location";
    public const string Template = "Template";

    public static readonly IReadOnlyList<string> All = [Component, Resource, System, Api, Group, User, Domain, Location, Template];

    public static string Listing { get; } = string.Join(", ", All);

    /// <summary>True for apiVersions of the Backstage family (<c>backstage.io/v1alpha1</c>, <c>scaffolder.backstage.io/v1beta3</c>, …).</summary>
    public static bool IsBackstageApiVersion(string? apiVersion) =>
        apiVersion is not null && (apiVersion.StartsWith("backstage.io/", StringComparison.Ordinal) || apiVersion.Contains(".backstage.io/", StringComparison.Ordinal));

    /// <summary>The kind as the format spells it; kinds are matched without regard to case.</summary>
    public static string? Canonical(string? kind) =>
        kind is null ? null : All.FirstOrDefault(known => string.Equals(known, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>metadata.name: 1–63 characters, runs of letters and digits separated by one of - _ .</summary>
    public static bool IsValidName(string name) => name.Length <= 63 && NamePattern().IsMatch(name);

    /// <summary>metadata.namespace: at most 63 characters, runs of letters and digits separated by -.</summary>
    public static bool IsValidNamespace(string ns) => ns.Length <= 63 && NamespacePattern().IsMatch(ns);

    [GeneratedRegex("^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$")]
    private static partial Regex NamespacePattern();
}
