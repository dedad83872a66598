using SocialCard.Platform.Exchange;
using SocialCard.Platform.Files;

namespace SocialCard.Platform.Jobs;

/// <summary>Writes each package in the card-centre exchange format (<see cref="CardCentreExportWriter"/>) into the
/// file store as <c>exports/{packageName}.zip</c>, where every node (the console's download, the scheduled hand-over)
/// finds it. The store writes whole files, so a reader never sees half a package.</summary>
public sealed class FileStoreExportSink(IFileStore files) : ICardCentreExportSink
{
    public const string Folder = "exports/";

    public static string KeyOf(string packageName) => Folder + packageName + ".zip";

    public async Task<string> WriteAsync(string packageName, IReadOnlyList<CardCentreExportPhoto> items, DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        using var zip = new MemoryStream();
        await CardCentreExportWriter.WriteAsync(zip, items, createdAt, cancellationToken).ConfigureAwait(false);
        string key = KeyOf(packageName);
        await files.PutAsync(key, zip.GetBuffer().AsMemory(0, (int)zip.Length), cancellationToken).ConfigureAwait(false);
        return key;
    }
}
