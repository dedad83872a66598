using SocialCard.Cli.Output;

namespace SocialCard.Cli.Commands;

internal sealed record CheckOptions(
    IReadOnlyList<string> Paths,
    string Profile,
    ReportFormat Format,
    string? OutFile,
    int Jobs,
    string? Models);
