using SocialCard.Cli.Output;

namespace SocialCard.Cli.Commands;

/// <summary>Parsed <c>fix</c> options.</summary>
internal sealed record FixCommandOptions(
    IReadOnlyList<string> Paths, string OutDir, string Profile, string? NameMap, ReportFormat Format, int Jobs, string? Models);
