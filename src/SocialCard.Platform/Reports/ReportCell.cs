namespace SocialCard.Platform.Reports;

/// <summary>One cell value of a report: text, a whole number, or a time.</summary>
internal readonly struct ReportCell
{
    private ReportCell(string? text, long? number, DateTime? time)
    {
        Text = text;
        Number = number;
        Time = time;
    }

    public string? Text { get; }

    public long? Number { get; }

    /// <summary>Wall-clock time already shifted to the display offset.</summary>
    public DateTime? Time { get; }

    public static ReportCell OfText(string? text) => new(text ?? string.Empty, null, null);

    public static ReportCell OfNumber(long number) => new(null, number, null);

    public static ReportCell OfTime(DateTime time) => new(null, null, time);
}
