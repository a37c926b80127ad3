using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>The prepared commands of one session's connection: made once, enlisted in each batch's transaction, disposed together.</summary>
internal sealed class PreparedCommands(SqliteConnection connection) : IDisposable
{
    private readonly List<SqliteCommand> _commands = [];

    public SqliteConnection Connection { get; } = connection;

    public SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            // No declared type: each value binds as its own type (TEXT, INTEGER, REAL, BLOB or NULL).
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        _commands.Add(command);
        return command;
    }

    /// <summary>Runs every command in <paramref name="transaction"/> (Microsoft.Data.Sqlite requires it to be named).</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in _commands)
        {
            command.Transaction = transaction;
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }
    }
}
