namespace SocialCard.Platform.Reports;

/// <summary>How failure lists are rendered.</summary>
public sealed class FailureReportOptions
{
    /// <summary>China Standard Time (UTC+8, no daylight saving): the default display offset.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>Default options: times shown in UTC+8.</summary>
    public static FailureReportOptions Default { get; } = new();

    /// <summary>Times are shifted to this offset before they are written (stored times are usually UTC).</summary>
    public TimeSpan DisplayOffset { get; init; } = ChinaStandardTime;

    /// <summary>Worksheet name; Excel allows at most 31 characters and none of <c>: \ / ? * [ ]</c>.</summary>
    public string? SheetName { get; init; }
}
