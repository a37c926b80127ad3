namespace SafeCallLogger.Validation;

/// <summary>
/// The door of <c>IncrementClickSafe</c>, <c>UpdateResultSafe</c> and <c>RecordClosingLinesSafe</c>: checks the
/// arguments on the caller's thread and builds the operation to queue. Each returns the reason and the column at fault,
/// or <see cref="RejectionReason.None"/> with the operation.
/// </summary>
internal static class OperationAdmission
{
    public static (RejectionReason Reason, string? Field) Click(string? callId, long? userId, DateTimeOffset now, out CallOperation operation)
    {
        operation = default;
        if (!CallIds.IsValid(callId))
        {
            return (RejectionReason.InvalidCallId, "call_id");
        }

        operation = new CallOperation { Kind = CallOperationKind.AddClick, CallId = callId!, Timestamp = now, UserId = userId };
        return (RejectionReason.None, null);
    }

    public static (RejectionReason Reason, string? Field) Result(string? callId, CallOutcome outcome, double? profit, DateTimeOffset now, out CallOperation operation)
    {
        operation = default;
        if (!CallIds.IsValid(callId))
        {
            return (RejectionReason.InvalidCallId, "call_id");
        }

        if (!Enum.IsDefined(outcome))
        {
            return (RejectionReason.UnknownEnumValue, "actual_outcome");
        }

        if (profit is { } p && !double.IsFinite(p))
        {
            return (RejectionReason.NonFiniteNumber, "actual_profit");
        }

        operation = new CallOperation { Kind = CallOperationKind.SetResult, CallId = callId!, Timestamp = now, Outcome = outcome, Profit = profit };
        return (RejectionReason.None, null);
    }

    public static (RejectionReason Reason, string? Field) ClosingLines(
        string? callId, Odds closingLineA, Odds closingLineB, LineMovementSpeed? speed, DateTimeOffset now, out CallOperation operation)
    {
        operation = default;
        if (!CallIds.IsValid(callId))
        {
            return (RejectionReason.InvalidCallId, "call_id");
        }

        if (CallValidator.CheckOdds(closingLineA, "closing_line_a") is { Reason: not RejectionReason.None } a)
        {
            return a;
        }

        if (CallValidator.CheckOdds(closingLineB, "closing_line_b") is { Reason: not RejectionReason.None } b)
        {
            return b;
        }

        if (speed is { } s && !Enum.IsDefined(s))
        {
            return (RejectionReason.UnknownEnumValue, "line_movement_speed");
        }

        operation = new CallOperation
        {
            Kind = CallOperationKind.SetClosingLines,
            CallId = callId!,
            Timestamp = now,
            ClosingLineA = closingLineA,
            ClosingLineB = closingLineB,
            LineMovementSpeed = speed,
        };
        return (RejectionReason.None, null);
    }
}
