using System.Text;

namespace Governance.Integrations.FleetFormat;

/// <summary>Builds a one-line mapping <c>{ key: value, … }</c>, leaving out fields that are null.</summary>
internal sealed class FlowMapping
{
    private readonly StringBuilder _text = new("{ ");
    private bool _empty = true;

    public FlowMapping Add(string key, string? value) => value is null ? this : Append(key, YamlText.Flow(value));

    public FlowMapping Add(string key, int? value) => value is { } number ? Append(key, YamlText.Number(number)) : this;

    public FlowMapping Add(string key, bool? value) => value is { } flag ? Append(key, YamlText.Bool(flag)) : this;

    public FlowMapping Add(string key, DateOnly? value) => value is { } date ? Append(key, YamlText.Date(date)) : this;

    /// <summary>Adds a boolean only where it differs from the format's default.</summary>
    public FlowMapping AddUnlessDefault(string key, bool value, bool defaultValue) => value == defaultValue ? this : Add(key, value);

    public override string ToString() => _empty ? "{}" : _text.ToString() + " }";

    private FlowMapping Append(string key, string yaml)
    {
        if (!_empty)
        {
            _text.Append(", ");
        }

        _text.Append(key).Append(": ").Append(yaml);
        _empty = false;
        return this;
    }
}
