using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Governance.Domain.Tests.Serialization;

/// <summary>
/// Finds the serialized properties, at any depth, that still hold the value a freshly built object has: a property added to
/// the domain but not to <see cref="FullSamples"/> (and so perhaps not to the fast readers) shows up here.
/// </summary>
internal static class DefaultsGuard
{
    public static IReadOnlyList<string> PropertiesAtDefault(object value)
    {
        var found = new List<string>();
        Walk(value, value.GetType().Name, found);
        return found;
    }

    private static void Walk(object value, string path, List<string> found)
    {
        var type = value.GetType();
        if (!IsDomainRecord(type))
        {
            return;
        }

        var fresh = Fresh(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var actual = property.GetValue(value);
            var name = $"{path}.{property.Name}";
            if (actual is null || Equals(actual, property.GetValue(fresh)) || actual is ICollection { Count: 0 })
            {
                found.Add(name);
            }
            else if (actual is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    Walk(item, name, found);
                }
            }
            else
            {
                Walk(actual, name, found);
            }
        }
    }

    // Built through its own constructor with nothing given: what a property missing from the JSON is left at.
    private static object Fresh(Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(candidate => candidate.GetParameters().All(parameter => parameter.ParameterType != type))
            .MaxBy(candidate => candidate.GetParameters().Length)!;
        return constructor.Invoke([.. constructor.GetParameters().Select(parameter => parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null)]);
    }

    private static bool IsDomainRecord(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("Governance.Domain", StringComparison.Ordinal) == true;
}
