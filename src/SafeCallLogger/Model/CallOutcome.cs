namespace SafeCallLogger;

/// <summary>The final result of a call. Stored in <c>actual_outcome</c> as <c>a_won</c>, <c>b_won</c>, <c>push</c> or <c>unknown</c>.</summary>
public enum CallOutcome
{
    /// <summary>The result is not known (<c>unknown</c>).</summary>
    Unknown = 0,

    /// <summary>Side A won (<c>a_won</c>).</summary>
    AWon = 1,

    /// <summary>Side B won (<c>b_won</c>).</summary>
    BWon = 2,

    /// <summary>Stakes returned (<c>push</c>).</summary>
    Push = 3,
}
