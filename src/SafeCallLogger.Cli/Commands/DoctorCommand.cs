using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Cli.Output;
using SafeCallLogger.Cli.Storage;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall doctor</c>: is the database sound, which schema, what is waiting, what was refused, what the journal holds.</summary>
internal static class DoctorCommand
{
    /// <summary>What doctor found, as <c>--format json</c> prints it.</summary>
    internal sealed record DoctorReport(
        string Database,
        string Check,
        string CheckResult,
        bool Healthy,
        int? SchemaVersion,
        string JournalMode,
        long Calls,
        long PendingOperations,
        long DeadLetters,
        JournalStatus? Journal,
        string JournalDirectory);

    public static Command Create()
    {
        var full = new Option<bool>("--full") { Description = "Run PRAGMA integrity_check (reads every page) instead of the faster quick_check." };
        var format = OutputFormatOption.Create();
        var command = new Command("doctor", "Checks the database: integrity, schema version, pending operations, dead letters, the journal beside it.") { full, format };
        command.SetAction((parse, cancellationToken) =>
        {
            var target = StorageSwitches.Open(parse);
            var path = target.SqlitePath ?? throw CliException.BadArguments("doctor checks a SQLite database (--db FILE)");
            var report = Examine(path, parse.GetValue(full), TimeSpan.FromSeconds(parse.GetValue(StorageSwitches.BusyTimeout)));
            switch (OutputFormatOption.Read(parse, format))
            {
                case OutputFormat.Json:
                    RowWriter.WriteJson(Console.Out, report);
                    break;
                case OutputFormat.Csv:
                    RowWriter.WriteCsv(Console.Out, [report with { Journal = null }]);
                    break;
                default:
                    Print(report);
                    break;
            }

            return Task.FromResult(report.Healthy ? ExitCodes.Ok : ExitCodes.Failure);
        });
        return command;
    }

    private static DoctorReport Examine(string path, bool full, TimeSpan busyTimeout)
    {
        using var connection = new SqliteConnection(SqliteFileCheck.ReadOnlyConnectionString(path, busyTimeout));
        connection.Open();
        var check = full ? "integrity_check" : "quick_check";
        var problems = Column(connection, $"PRAGMA {check}");
        var result = problems.Count == 1 && problems[0] == "ok" ? "ok" : string.Join("; ", problems.Take(5));
        var table = SqliteFileCheck.CallsTable;
        var journalDirectory = path + ".journal";
        return new DoctorReport(
            path,
            check,
            result,
            result == "ok",
            TableExists(connection, table + "_schema") ? (int)Scalar(connection, $"SELECT version FROM {table}_schema WHERE id = 1") : null,
            Column(connection, "PRAGMA journal_mode").FirstOrDefault() ?? "unknown",
            Scalar(connection, $"SELECT COUNT(*) FROM {table}"),
            TableExists(connection, table + "_pending_ops") ? Scalar(connection, $"SELECT COUNT(*) FROM {table}_pending_ops") : 0,
            TableExists(connection, table + "_dead_letters") ? Scalar(connection, $"SELECT COUNT(*) FROM {table}_dead_letters") : 0,
            Directory.Exists(journalDirectory) ? JournalInspector.Inspect(journalDirectory) : null,
            journalDirectory);
    }

    private static void Print(DoctorReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var table = Tables.Create("safecall doctor", "Check", "Result");
        table.Columns[1].Alignment = Spectre.Console.Justify.Left;
        Tables.AddRow(table, "Database", report.Database);
        Tables.AddRow(table, "PRAGMA " + report.Check, report.CheckResult);
        Tables.AddRow(table, "Schema version", report.SchemaVersion?.ToString(c) ?? "none (a table from another writer; the bot upgrades it)");
        Tables.AddRow(table, "SQLite journal mode", report.JournalMode);
        Tables.AddRow(table, "Calls", Tables.Count(report.Calls));
        Tables.AddRow(table, "Pending operations", Tables.Count(report.PendingOperations) + " (clicks/results waiting for their call)");
        Tables.AddRow(table, "Dead letters", Tables.Count(report.DeadLetters) + (report.DeadLetters > 0 ? " (refused operations: see the dead-letters table)" : string.Empty));
        Tables.AddRow(table, "Journal", report.Journal is { } j
            ? string.Create(c, $"{j.PendingRecords:N0} pending in {j.Segments} segments ({j.Bytes:N0} bytes), {j.CorruptRecords} corrupt, {j.KeptAsideRecords} kept aside")
            : "none at " + report.JournalDirectory);
        Terminal.Out.Write(table);
        Console.Out.WriteLine(report.Healthy ? "Healthy." : "PROBLEMS FOUND: " + report.CheckResult);
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? string.Empty : reader.GetValue(0).ToString() ?? string.Empty);
        }

        return values;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    private static bool TableExists(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }
}
