using Governance.Cli.Infrastructure;
using Governance.Domain.History;

namespace Governance.Cli.History;

/// <summary>Writes a verification for a person: one line when intact, else every problem listed, on standard error.</summary>
internal static class VerificationPrinter
{
    public static void Print(CliContext context, VerificationRecord verification)
    {
        var chain = verification.FromSequence > 1
            ? $"{verification.EntriesChecked} entries from entry {verification.FromSequence} (the checkpoint)"
            : $"{verification.EntriesChecked} entries";
        var notCovered = verification.StatesNotCovered > 0
            ? $" ({verification.StatesNotCovered} last written before states were hashed, so not covered until their next change)"
            : "";
        var states = $"{verification.StatesChecked} current states checked against it{notCovered}";
        if (verification.IsIntact)
        {
            context.Console.WriteLine($"History intact: {chain}; head is entry {verification.Head.Sequence}, sha256 {verification.Head.Hash}. {states}.");
            return;
        }

        context.Error.WriteLine($"History BROKEN: {verification.ProblemCount} problem(s).");
        foreach (var problem in verification.Problems)
        {
            context.Error.WriteLine($"  {problem}");
        }

        if (verification.ProblemCount > verification.Problems.Count)
        {
            context.Error.WriteLine($"  … and {verification.ProblemCount - verification.Problems.Count} more.");
        }

        context.Error.WriteLine($"Checked: {chain}; {states}.");
    }
}
