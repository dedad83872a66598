using SocialCard.Cli.Output;

namespace SocialCard.Cli.Commands;

/// <summary>Parsed <c>pack</c> options.</summary>
internal sealed record PackCommandOptions(string Folder, string Unit, string? OutDir, string Profile, ReportFormat Format, int Jobs, string? Models);
