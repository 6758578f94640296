using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Storage.Migrations;

/// <summary>One numbered schema script of one dialect, embedded as <c>Migrations/{dialect}/NNNN_name.sql</c>.</summary>
internal sealed record Migration(int Version, string Name, string Script, string Checksum)
{
    /// <summary>The dialect's migrations in version order.</summary>
    public static IReadOnlyList<Migration> Load(string dialect)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"{typeof(Migration).Namespace}.{dialect}.";
        var migrations = assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(prefix, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            .Select(resource => Read(assembly, resource, resource[prefix.Length..^".sql".Length]))
            .OrderBy(migration => migration.Version)
            .ToList();
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"No migrations are embedded for the {dialect} dialect.");
        }

        var duplicate = migrations.GroupBy(migration => migration.Version).FirstOrDefault(group => group.Count() > 1);
        return duplicate is null
            ? migrations
            : throw new InvalidOperationException($"Two {dialect} migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
    }

    private static Migration Read(Assembly assembly, string resource, string fileName)
    {
        // MSBuild prefixes a leading digit with '_' when it makes the resource name; the file is NNNN_name.sql.
        var name = fileName.TrimStart('_');
        var digits = name.TakeWhile(char.IsAsciiDigit).Count();
        if (digits == 0)
        {
            throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);

        // Line endings depend on the checkout; the checksum must not.
        var script = reader.ReadToEnd().ReplaceLineEndings("\n");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        return new Migration(int.Parse(name[..digits], CultureInfo.InvariantCulture), name, script, checksum);
    }
}
