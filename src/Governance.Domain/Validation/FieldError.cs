namespace Governance.Domain;

/// <summary>A rule broken by one field, named by its path in the fleet format (for example <c>dependencies[2].timeoutMs</c>).</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
