namespace Governance.Integrations.Import;

/// <summary>A place in an imported file; line and column count from 1.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>One thing wrong (or worth a warning) in an imported file, naming the field in the file's own terms.</summary>
public sealed record ImportProblem(SourceLocation Location, string Field, string Message)
{
    public override string ToString() => $"{Location.File}:{Location.Line}:{Location.Column}: {Field}: {Message}";
}
