using System.CommandLine;
using System.Globalization;
using SafeCallLogger.Cli.Infrastructure;
using SafeCallLogger.Cli.Storage;

namespace SafeCallLogger.Cli.Commands;

/// <summary><c>safecall backup FILE</c>: a consistent online copy of the database while the bot keeps writing.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the copy (replaced if it exists; its folder is created)." };
        var command = new Command("backup", "Writes a consistent copy of the live database (VACUUM INTO) while the bot keeps writing.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = StorageSwitches.Open(parse);
            var destination = Path.GetFullPath(parse.GetValue(file) ?? throw CliException.BadArguments("backup needs a FILE"));
            if (string.Equals(destination, target.SqlitePath, StringComparison.Ordinal))
            {
                throw CliException.BadArguments("the backup FILE must not be the database itself");
            }

            await target.Sqlite.BackupAsync(destination, cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Backup written: {destination} ({new FileInfo(destination).Length:N0} bytes)"));
            return 0;
        });
        return command;
    }
}
