using System.Data;
using System.Data.Common;

namespace Governance.Storage.Tables;

/// <summary>Small helpers that keep ADO.NET call sites short.</summary>
internal static class CommandExtensions
{
    /// <summary>Creates a command on <paramref name="connection"/> in <paramref name="transaction"/> (which may be null).</summary>
    public static DbCommand CreateCommand(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a named parameter; null becomes DBNull.</summary>
    public static DbCommand AddParameter(this DbCommand command, string name, object? value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (type is { } dbType)
        {
            parameter.DbType = dbType;
        }

        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Runs a query that returns one integer.</summary>
    public static async Task<long> ExecuteInt64Async(this DbCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
