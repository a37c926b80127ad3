#if !NET9_0_OR_GREATER
namespace System.Runtime.CompilerServices;

/// <summary>
/// The C# 13 compiler's tie-breaker between overloads, which .NET 9 and later ship: declared here for the net8.0 build,
/// where no package provides it (the compiler matches it by name). Lets an <see langword="async"/> or throwing lambda
/// given to <c>OnAlert</c> bind to one overload instead of being ambiguous between its Task and ValueTask forms.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
internal sealed class OverloadResolutionPriorityAttribute(int priority) : Attribute
{
    /// <summary>The priority: higher wins among applicable overloads of one type.</summary>
    public int Priority { get; } = priority;
}
#endif
