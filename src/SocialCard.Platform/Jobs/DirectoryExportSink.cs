using SocialCard.Platform.Exchange;

namespace SocialCard.Platform.Jobs;

/// <summary>Writes each package in the card-centre exchange format (<see cref="CardCentreExportWriter"/>) as
/// {packageName}.zip into a folder: written to a temp name, then renamed, so a reader never sees half a package.</summary>
public sealed class DirectoryExportSink(string directory) : ICardCentreExportSink
{
    public async Task<string> WriteAsync(string packageName, IReadOnlyList<CardCentreExportPhoto> items, DateTimeOffset createdAt,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, packageName + ".zip");
        var tmp = path + ".part";
        await using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await CardCentreExportWriter.WriteAsync(fs, items, createdAt, cancellationToken).ConfigureAwait(false);
        }

        File.Move(tmp, path, overwrite: true);
        return path;
    }
}
