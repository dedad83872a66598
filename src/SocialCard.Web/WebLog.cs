namespace SocialCard.Web;

/// <summary>Source-generated log messages of the web host.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Signed in {Account}")]
    public static partial void SignedIn(ILogger logger, string account);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Failed sign-in for {Account}")]
    public static partial void SignInFailed(ILogger logger, string account);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Sign-in for {Account} held back {Seconds} s after repeated failures")]
    public static partial void SignInThrottled(ILogger logger, string account, int seconds);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Password change for {Account}: {Outcome}")]
    public static partial void PasswordChangeAttempt(ILogger logger, string account, string outcome);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Checked {Count} photo(s) for {Caller} in {Milliseconds} ms")]
    public static partial void PhotosChecked(ILogger logger, int count, string caller, long milliseconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Face models not loaded from {Directory}: {Reason}. Face rules and the automatic fix are off.")]
    public static partial void FaceModelsMissing(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Batch {BatchId}: {Count} photo(s) checked in {CheckMilliseconds} ms, stored in {StoreMilliseconds} ms, verdicts recorded in {ReviewMilliseconds} ms")]
    public static partial void BatchReceived(ILogger logger, long batchId, int count, long checkMilliseconds, long storeMilliseconds, long reviewMilliseconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Batch {BatchId}: recording the verdicts right away failed; the pre-review job will record them")]
    public static partial void BatchInlineReviewFailed(ILogger logger, Exception exception, long batchId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Warmed up: photo engine ({Analyzers} face analyzer(s)) in {EngineMilliseconds} ms, package path done after {TotalMilliseconds} ms")]
    public static partial void WarmedUp(ILogger logger, int analyzers, long engineMilliseconds, long totalMilliseconds);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Start-up warm-up failed; those paths warm up on first use")]
    public static partial void WarmUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Job worker loop failed; retrying")]
    public static partial void WorkerLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Recurring jobs: {Count} enqueued for their period")]
    public static partial void RecurringJobsEnqueued(ILogger logger, int count);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "Recurring-job scheduler tick failed; trying again on the next tick")]
    public static partial void SchedulerTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "SMS to {Phone} (log gateway): {Body}")]
    public static partial void SmsLogged(ILogger logger, string phone, string body);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Demo data seeded: {Summary}")]
    public static partial void DemoSeeded(ILogger logger, string summary);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Critical,
        Message = "Refusing to start in the {Environment} environment with a demo secret: {Findings}. Demo data, demo passwords, demo API keys and the SMS outbox are for Development only.")]
    public static partial void DemoSecretRefused(ILogger logger, string environment, string findings);
}
