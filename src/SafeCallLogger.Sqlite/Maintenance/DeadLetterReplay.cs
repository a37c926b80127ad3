using Microsoft.Extensions.Logging.Abstractions;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Applies dead letters again through the sink's own write path (a <see cref="SinkSession"/> on a connection of its
/// own), each in its own transaction with the deletion of its letter, so a letter is either applied and gone or
/// kept. A letter whose operation id was applied already is just removed (ids are applied once).
/// </summary>
internal static class DeadLetterReplay
{
    public static DeadLetterReplayResult Run(string connectionString, SqliteSinkOptions options, TableNames names, TimeProvider time, int limit, CancellationToken cancellationToken)
    {
        using var session = SinkSession.Open(connectionString, options, names, NullLogger.Instance);
        var letters = DeadLetterQuery.Read(session.Connection, names, limit, cancellationToken);
        var applied = 0;
        var stillFailing = 0;
        foreach (var letter in letters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                session.Replay(letter.Operation, time.GetUtcNow(), cancellationToken);
                applied++;
            }
            catch (UnstorableOperationException)
            {
                // Still refused for what it holds: kept, to be fixed (the table, or the row) and replayed again.
                stillFailing++;
            }
        }

        return new DeadLetterReplayResult(applied, stillFailing);
    }
}
