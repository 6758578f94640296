using System.Data.Common;

namespace Governance.Storage.Writing;

/// <summary>Runs each row at once through a command prepared once per statement.</summary>
internal sealed class PreparedRowWriter(DbConnection connection, DbTransaction transaction) : RowWriter
{
    private readonly Dictionary<Statement, DbCommand> _commands = [];

    public override async ValueTask AddAsync(Statement statement, object?[] values, RowExpectation? expectation, CancellationToken cancellationToken)
    {
        var command = Prepare(statement);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        Check(expectation, await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
    }

    public override ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }

    private DbCommand Prepare(Statement statement)
    {
        if (_commands.TryGetValue(statement, out var command))
        {
            return command;
        }

        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        foreach (var definition in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = definition.Name;
            parameter.DbType = definition.Type;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        _commands.Add(statement, command);
        return command;
    }
}
