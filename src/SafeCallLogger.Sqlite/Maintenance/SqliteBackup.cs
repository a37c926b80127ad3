using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>Consistent online copies with <c>VACUUM INTO</c>: it reads one snapshot, so in WAL mode writers go on meanwhile.</summary>
internal static class SqliteBackup
{
    /// <summary>Writes a copy of the database of <paramref name="connection"/> to <paramref name="destinationPath"/>, replacing it atomically. Throws on failure.</summary>
    public static void CopyTo(SqliteConnection connection, string destinationPath, CancellationToken cancellationToken)
    {
        var destination = Path.GetFullPath(destinationPath);
        var directory = Path.GetDirectoryName(destination);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // VACUUM INTO refuses an existing file; a temporary name also means a reader never sees a half-written copy.
        var temporary = destination + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "VACUUM INTO $path";
                command.Parameters.AddWithValue("$path", temporary);
                command.ExecuteNonQuery();
            }

            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
