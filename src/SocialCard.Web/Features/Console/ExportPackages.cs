using System.Globalization;
using System.Text.RegularExpressions;
using SocialCard.Platform.Files;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;

namespace SocialCard.Web.Features.Console;

/// <summary>
/// Card-centre export packages: created by the Platform's export handler (cards whose photo passed move to "sent"),
/// kept in the file store (<see cref="FileStoreExportSink"/>) so every node lists and serves them, by name only.
/// </summary>
public sealed partial class ExportPackages(IEnumerable<IJobHandler> handlers, IFileStore files, TimeProvider time)
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex SafeName();

    /// <summary>Exports now; returns the package name and the number of people in it (0 = nothing to send).</summary>
    public async Task<(string Name, int Count)> ExportNowAsync(CancellationToken cancellationToken)
    {
        CardCentreExportJobHandler handler = handlers.OfType<CardCentreExportJobHandler>().Single();
        string name = "export-" + time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        int count = await handler.ExportAsync(name, cancellationToken);
        return (name, count);
    }

    /// <summary>Packages, newest first.</summary>
    public async Task<IReadOnlyList<(string Name, long Bytes, DateTime WrittenUtc)>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredFile> stored = await files.ListAsync(FileStoreExportSink.Folder, cancellationToken);
        return [.. stored.Where(f => f.Key.EndsWith(".zip", StringComparison.Ordinal) && f.Key.IndexOf('/', FileStoreExportSink.Folder.Length) < 0)
            .OrderByDescending(f => f.LastModified)
            .Select(f => (f.Key[FileStoreExportSink.Folder.Length..^".zip".Length], f.Size, f.LastModified.UtcDateTime))];
    }

    /// <summary>The package's bytes by name, or null for an unknown or unsafe name.</summary>
    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken) =>
        SafeName().IsMatch(name) ? await files.GetAsync(FileStoreExportSink.KeyOf(name), cancellationToken) : null;
}
