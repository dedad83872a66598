using SocialCard.Platform.Exchange;

namespace SocialCard.Platform.Jobs;

/// <summary>Where an export package goes. <paramref name="packageName"/> is stable per job, so a re-run after a crash
/// overwrites the same package instead of producing a second one.</summary>
public interface ICardCentreExportSink
{
    Task<string> WriteAsync(string packageName, IReadOnlyList<CardCentreExportPhoto> items, DateTimeOffset createdAt, CancellationToken cancellationToken);
}
