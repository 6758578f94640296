namespace Governance.Integrations.Import;

/// <summary>A place in an imported file; line and column count from 1.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>What an import problem is about, so that callers can sort problems without reading their messages.</summary>
public enum ProblemKind
{
    /// <summary>Anything but a reference: malformed input, a broken rule, something ignored.</summary>
    General,

    /// <summary>A reference to something the imported files do not define; legal, kept, and resolved once the target is imported.</summary>
    Reference,
}

/// <summary>One thing wrong (or worth a warning) in an imported file, naming the field in the file's own terms.</summary>
public sealed record ImportProblem(SourceLocation Location, string Field, string Message, ProblemKind Kind = ProblemKind.General)
{
    public override string ToString() => $"{Location.File}:{Location.Line}:{Location.Column}: {Field}: {Message}";
}
