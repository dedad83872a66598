using System.Globalization;
using System.Text.RegularExpressions;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Features.Console;

/// <summary>
/// Card-centre export packages: created by the Platform's export handler (cards whose photo passed move to "sent"),
/// written as zips under the data folder, listed and served to operators by name only.
/// </summary>
public sealed partial class ExportPackages(IEnumerable<IJobHandler> handlers, StorageOptions storage, TimeProvider time)
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex SafeName();

    public string Directory => Path.Combine(storage.DataDirectory, "exports");

    /// <summary>Exports now; returns the package name and the number of people in it (0 = nothing to send).</summary>
    public async Task<(string Name, int Count)> ExportNowAsync(CancellationToken cancellationToken)
    {
        CardCentreExportJobHandler handler = handlers.OfType<CardCentreExportJobHandler>().Single();
        string name = "export-" + time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        int count = await handler.ExportAsync(name, cancellationToken);
        return (name, count);
    }

    public IReadOnlyList<(string Name, long Bytes, DateTime WrittenUtc)> List() =>
        !System.IO.Directory.Exists(Directory)
            ? []
            : [.. new DirectoryInfo(Directory).GetFiles("*.zip").OrderByDescending(f => f.LastWriteTimeUtc)
                .Select(f => (Path.GetFileNameWithoutExtension(f.Name), f.Length, f.LastWriteTimeUtc))];

    /// <summary>Full path of a package by name, or null for an unknown or unsafe name.</summary>
    public string? PathOf(string name)
    {
        if (!SafeName().IsMatch(name))
        {
            return null;
        }

        string path = Path.Combine(Directory, name + ".zip");
        return File.Exists(path) ? path : null;
    }
}
