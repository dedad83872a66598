namespace SocialCard.Web.Features.Console;

/// <summary>Input of the inline SVG bar chart (passed vs failed per label).</summary>
public sealed record BarChartModel(string Id, string Title, IReadOnlyList<StatsRow> Rows, string PassedLabel, string FailedLabel);
