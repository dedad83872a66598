using SocialCard.Photos;

namespace SocialCard.Cli.Commands;

/// <summary>Builds the photo checker the CLI uses.</summary>
internal static class CheckerFactory
{
    internal static PhotoChecker Create() => new();
}
