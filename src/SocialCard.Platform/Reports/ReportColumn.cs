namespace SocialCard.Platform.Reports;

/// <summary>A report column: Chinese header, Excel width in characters, and how to get the cell of a row.</summary>
/// <typeparam name="TRow">Row type.</typeparam>
internal sealed record ReportColumn<TRow>(string Header, double Width, Func<TRow, int, TimeSpan, ReportCell> Cell, bool Wrap = false);
