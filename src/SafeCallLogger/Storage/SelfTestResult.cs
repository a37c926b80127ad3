namespace SafeCallLogger;

/// <summary>What <see cref="ICallStore.SelfTestAsync"/> found (<c>/ml_test</c>).</summary>
/// <param name="Success"><see langword="true"/> when the test call went through the logger, was read back from the store and removed.</param>
/// <param name="Message">What happened, in one sentence for the admin: the success, or the reason for the failure.</param>
/// <param name="Elapsed">How long the test took.</param>
/// <param name="CallId">The id of the marked test call (<c>ml_test_...</c>), or <see langword="null"/> when none was logged.</param>
public sealed record SelfTestResult(bool Success, string Message, TimeSpan Elapsed, string? CallId);
