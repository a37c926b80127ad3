namespace SafeCallLogger;

/// <summary>The query side that goes with the storage chosen in these options.</summary>
public sealed partial class CallLoggerOptions
{
    /// <summary>
    /// The store on the same storage as the sink (<c>SqliteCallStore</c> for <c>UseSqlite</c>), which the container
    /// registers under its own type. Set by storage packages right after their <see cref="UseSink(Func{IServiceProvider, ICallSink})"/>;
    /// any later <c>UseSink</c> clears it, so a store never points at another storage than the sink.
    /// </summary>
    internal StoreRegistration? Store { get; private set; }

    /// <summary>Names the store of the storage just set; see <see cref="Store"/>.</summary>
    internal CallLoggerOptions UseStore(Type storeType, Func<IServiceProvider, object> factory)
    {
        Store = new StoreRegistration(storeType, factory);
        return this;
    }

    /// <summary>A store's service type and how to build it from the application's services.</summary>
    internal sealed record StoreRegistration(Type ServiceType, Func<IServiceProvider, object> Factory);
}
