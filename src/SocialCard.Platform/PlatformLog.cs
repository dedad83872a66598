using Microsoft.Extensions.Logging;

namespace SocialCard.Platform;

/// <summary>The platform's log messages (source-generated).</summary>
internal static partial class PlatformLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Job {JobId} ({JobType}) succeeded on {WorkerId}, attempt {Attempt}")]
    public static partial void JobSucceeded(ILogger logger, long jobId, string jobType, string workerId, int attempt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Job {JobId} ({JobType}) failed on attempt {Attempt} of {MaxAttempts}")]
    public static partial void JobFailed(ILogger logger, Exception exception, long jobId, string jobType, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Job {JobId} ({JobType}): lease lost by {WorkerId}; another worker owns it now")]
    public static partial void JobLeaseLost(ILogger logger, long jobId, string jobType, string workerId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Job {JobId} ({JobType}) cannot run: {Reason}")]
    public static partial void JobRefused(ILogger logger, long jobId, string jobType, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Deleted {Count} stored files no row refers to, older than {Grace}")]
    public static partial void OrphanFilesSwept(ILogger logger, int count, TimeSpan grace);
}
