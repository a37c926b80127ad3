using Npgsql;

namespace SafeCallLogger.PostgreSql.Tests.Support;

/// <summary>A test's own database on the run's server, with small helpers to read it as an operator would.</summary>
public sealed class PgDatabase(PgServer server)
{
    public string ConnectionString { get; } = server.CreateDatabase();

    public PgServer Server => server;

    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public long Count(string sql) => Convert.ToInt64(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);

    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public bool TableExists(string qualified) => Scalar($"SELECT to_regclass('{qualified}') IS NOT NULL") is true;

    /// <summary>One row as column name → value (NULL as null); throws when there is none.</summary>
    public Dictionary<string, object?> Row(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new Xunit.Sdk.XunitException("no row: " + sql);
        }

        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return row;
    }
}
