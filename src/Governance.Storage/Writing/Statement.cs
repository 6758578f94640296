using System.Data;

namespace Governance.Storage.Writing;

/// <summary>One parameterised write, prepared once and executed for many rows.</summary>
internal sealed class Statement(string sql, params StatementParameter[] parameters)
{
    public string Sql { get; } = sql;

    public IReadOnlyList<StatementParameter> Parameters { get; } = parameters;
}

/// <summary>A statement parameter's name and type; the type matters where the value is null.</summary>
internal sealed record StatementParameter(string Name, DbType Type);

/// <summary>A write that must touch exactly one row, or the aggregate changed since it was read.</summary>
internal sealed record RowExpectation(string Subject, long ExpectedVersion);

/// <summary>A conditional write found its row changed: the aggregate is no longer at the version it was read at.</summary>
internal sealed class StaleWriteException(string subject, long expectedVersion)
    : Exception($"{subject} is no longer at version {expectedVersion}")
{
    public string Subject { get; } = subject;

    public long ExpectedVersion { get; } = expectedVersion;
}
