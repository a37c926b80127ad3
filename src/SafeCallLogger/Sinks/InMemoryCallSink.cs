using System.Text.Json;
using System.Text.Json.Nodes;
using SafeCallLogger.Validation;

namespace SafeCallLogger;

/// <summary>
/// A sink that keeps calls in memory: for tests, and for apps that only want the counters.
/// Applies the same rules as a database sink: idempotent per operation id, re-broadcasts add to
/// <c>total_users_notified</c>, clicks count once per user in <c>total_users_bet</c>, and operations that arrive before
/// their call wait for it. Stores <see cref="CallOperation.RawDataJson"/> as the text it is, as a database sink does.
/// Thread-safe. Never throws from <see cref="WriteAsync"/> except on cancellation.
/// </summary>
public sealed class InMemoryCallSink : ICallSink, IDeadLetterSink
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CallOperation>> _waiting = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _applied = [];
    private readonly Dictionary<Guid, DeadLetter> _deadLetters = [];
    private readonly int _maxWaiting;
    private int _waitingCount;
    private long _orphaned;
    private long _batches;

    /// <summary>Creates an empty sink.</summary>
    /// <param name="maxWaitingOperations">
    /// How many operations on not-yet-stored calls are kept waiting for their call; beyond that they are counted in
    /// <see cref="OrphanedOperations"/> and discarded. The default is 10,000.
    /// </param>
    public InMemoryCallSink(int maxWaitingOperations = 10_000)
    {
        _maxWaiting = Math.Max(0, maxWaitingOperations);
    }

    /// <summary>How many distinct calls are stored.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    /// <summary>How many batches were written.</summary>
    public long BatchesWritten => Interlocked.Read(ref _batches);

    /// <summary>How many distinct operations were applied or are waiting for their call.</summary>
    public long OperationsApplied
    {
        get
        {
            lock (_gate)
            {
                return _applied.Count;
            }
        }
    }

    /// <summary>Operations on calls not stored yet, kept until the call arrives.</summary>
    public int WaitingOperations
    {
        get
        {
            lock (_gate)
            {
                return _waitingCount;
            }
        }
    }

    /// <summary>Operations on unknown calls discarded because <c>maxWaitingOperations</c> was reached.</summary>
    public long OrphanedOperations => Interlocked.Read(ref _orphaned);

    /// <summary>A snapshot of every stored call.</summary>
    public IReadOnlyList<StoredCall> GetCalls()
    {
        lock (_gate)
        {
            return _calls.Values.Select(static e => e.ToStoredCall()).ToList();
        }
    }

    /// <summary>Looks up one call. Never throws.</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="call">A snapshot of the stored call, or <see langword="null"/>.</param>
    public bool TryGetCall(string callId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoredCall? call)
    {
        lock (_gate)
        {
            if (callId is not null && _calls.TryGetValue(callId, out var entry))
            {
                call = entry.ToStoredCall();
                return true;
            }
        }

        call = null;
        return false;
    }

    /// <summary>The operations the logger set aside as unstorable, oldest first, one per operation id.</summary>
    public IReadOnlyList<DeadLetter> GetDeadLetters()
    {
        lock (_gate)
        {
            return [.. _deadLetters.Values];
        }
    }

    /// <summary>Keeps the letters, each operation id once. Never throws except on cancellation.</summary>
    /// <param name="letters">The letters.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public ValueTask WriteDeadLettersAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var letter in letters)
            {
                _deadLetters.TryAdd(letter.Operation.OperationId, letter);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(operations);
        lock (_gate)
        {
            foreach (var operation in operations)
            {
                if (_applied.Add(operation.OperationId))
                {
                    Apply(operation);
                }
            }
        }

        Interlocked.Increment(ref _batches);
        return ValueTask.CompletedTask;
    }

    private void Apply(CallOperation operation)
    {
        if (operation.Kind == CallOperationKind.UpsertCall)
        {
            Upsert(operation);
            return;
        }

        if (_calls.TryGetValue(operation.CallId, out var entry))
        {
            entry.Apply(operation);
            return;
        }

        if (_waitingCount >= _maxWaiting)
        {
            Interlocked.Increment(ref _orphaned);
            return;
        }

        if (!_waiting.TryGetValue(operation.CallId, out var list))
        {
            _waiting[operation.CallId] = list = [];
        }

        list.Add(operation);
        _waitingCount++;
    }

    private void Upsert(CallOperation operation)
    {
        if (_calls.TryGetValue(operation.CallId, out var existing))
        {
            existing.AddBroadcast(operation);
            return;
        }

        var entry = new Entry(operation);
        _calls[operation.CallId] = entry;
        if (_waiting.Remove(operation.CallId, out var waiting))
        {
            _waitingCount -= waiting.Count;
            foreach (var op in waiting)
            {
                entry.Apply(op);
            }
        }
    }

    private sealed class Entry
    {
        private readonly HashSet<long> _notified = [];
        private readonly HashSet<long> _clicked = [];
        private readonly CallRecord _call;
        private readonly string? _rawDataJson;
        private readonly string _callId;
        private readonly DateTimeOffset _sentAt;
        private int _usersNotified;
        private int _usersBet;
        private int _clicks;
        private CallOutcome? _outcome;
        private double? _profit;
        private Odds? _closingA;
        private Odds? _closingB;
        private LineMovementSpeed? _speed;

        public Entry(CallOperation upsert)
        {
            _call = upsert.Call!;
            _rawDataJson = upsert.RawDataJson;
            _callId = upsert.CallId;
            _sentAt = upsert.Timestamp;
            _speed = _call.LineMovementSpeed;
            AddBroadcast(upsert);
        }

        public void AddBroadcast(CallOperation upsert)
        {
            _usersNotified += upsert.UsersNotified;
            if (upsert.Call?.NotifiedUserIds is { } ids)
            {
                _notified.UnionWith(ids);
            }
        }

        public void Apply(CallOperation operation)
        {
            switch (operation.Kind)
            {
                case CallOperationKind.AddClick:
                    _clicks++;
                    if (operation.UserId is not { } user || _clicked.Add(user))
                    {
                        _usersBet++;
                    }

                    break;
                case CallOperationKind.SetResult:
                    _outcome = operation.Outcome;
                    _profit = operation.Profit;
                    break;
                case CallOperationKind.SetClosingLines:
                    _closingA = operation.ClosingLineA;
                    _closingB = operation.ClosingLineB;
                    _speed = operation.LineMovementSpeed ?? _speed;
                    break;
                default:
                    break;
            }
        }

        public StoredCall ToStoredCall() => new()
        {
            CallId = _callId,
            Call = _rawDataJson is null ? _call : CallSnapshot.Copy(_call, _call.NotifiedUserIds, ParseRawData(_rawDataJson)),
            AlertSentAt = _sentAt,
            TotalUsersNotified = _usersNotified,
            TotalUsersBet = _usersBet,
            AlertClickedCount = _clicks,
            ActualOutcome = _outcome,
            ActualProfit = _profit,
            ClosingLineA = _closingA?.DecimalValue,
            ClosingLineB = _closingB?.DecimalValue,
            ClvA = _closingA is { } a ? Odds.ClosingLineValuePercent(_call.OddsA, a) : null,
            ClvB = _closingB is { } b ? Odds.ClosingLineValuePercent(_call.OddsB, b) : null,
            LineMovementSpeed = _speed,
            NotifiedUserIds = _notified.ToArray(),
            ClickedUserIds = _clicked.ToArray(),
        };

        // A fresh object per snapshot, from the stored text: what a database row gives back, and nobody's shared object.
        private static JsonObject? ParseRawData(string json)
        {
            try
            {
                return JsonNode.Parse(json) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
