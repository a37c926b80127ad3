namespace SafeCallLogger.Writing;

/// <summary>
/// The operations the writer is settling. The list is replaced, never reused, after a sink call that was abandoned
/// on timeout, because that call may still be reading it.
/// </summary>
internal sealed class Batch(int capacity)
{
    public List<CallOperation> Items { get; private set; } = new(capacity);

    public int Count => Items.Count;

    /// <summary>Gives the current list to an abandoned sink call and carries on with a copy.</summary>
    public void Detach() => Items = new List<CallOperation>(Items);

    public void Replace(List<CallOperation> items) => Items = items;
}
