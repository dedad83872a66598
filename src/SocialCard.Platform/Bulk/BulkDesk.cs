using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialCard.Photos.Packaging;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Files;

namespace SocialCard.Platform.Bulk;

/// <summary>
/// The unit's bulk desk: check a folder or zip without submitting, name photos from a staff list, keep the automatic
/// fixes for one accept, and hand the photos over in packages of at most 50. A check lives in the encrypted file
/// store (<c>bulk/&lt;unit id&gt;/&lt;token&gt;/</c>: the report and the photos), so every node sees it; it is not a
/// submission and no batch exists until <see cref="PackagesAsync"/> is turned into batches. A unit's checks older than
/// <see cref="KeepFor"/> are removed when it opens a new one.
/// </summary>
public sealed class BulkDesk(IFileStore files, IPhotoReviewer reviewer, TimeProvider time)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Names every photo (from the staff list when given), pre-reviews it under that name and keeps the report.</summary>
    public async Task<BulkCheck> CheckAsync(long unitId, IReadOnlyList<BulkPhotoFile> photos, IReadOnlyList<BulkFileRefusal> refusals, StaffList? staff,
        string profileId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photos);
        await RemoveExpiredAsync(unitId, cancellationToken);
        IReadOnlyList<BulkPhotoName> names = BulkNaming.Resolve([.. photos.Select(p => p.FileName)], staff, out IReadOnlyList<StaffMember> withoutPhoto);
        var reviews = new PhotoReview[photos.Count];
        await Parallel.ForAsync(0, photos.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) => reviews[i] = await reviewer.ReviewAsync(photos[i].Bytes, CheckedName(photos[i].FileName, names[i]), profileId, ct));

        var check = new BulkCheck
        {
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UnitId = unitId,
            CreatedAt = time.GetUtcNow(),
            Photos = [.. photos.Select((p, i) => new BulkCheckPhoto { Index = i, FileName = p.FileName, Name = names[i], Verdict = reviews[i].Verdict, Findings = reviews[i].Findings })],
            Refusals = refusals,
            StaffErrors = staff?.Errors ?? [],
            WithoutPhoto = [.. withoutPhoto.Select(m => m with { Name = Security.PersonalDataMask.Name(m.Name), IdNumber = Security.PersonalDataMask.IdNumber(m.IdNumber) })],
            HasStaffList = staff is not null,
        };
        for (int i = 0; i < photos.Count; i++)
        {
            await files.PutAsync(PhotoKey(unitId, check.Token, i, fixedVersion: false), photos[i].Bytes, cancellationToken);
        }

        await SaveAsync(check, cancellationToken);
        return check;
    }

    /// <summary>The unit's check, or null (unknown token, another unit's, or expired and removed).</summary>
    public async Task<BulkCheck?> GetAsync(long unitId, string token, CancellationToken cancellationToken)
    {
        if (!IsToken(token) || await files.GetAsync(ReportKey(unitId, token), cancellationToken) is not { } json)
        {
            return null;
        }

        BulkCheck? check = JsonSerializer.Deserialize<BulkCheck>(json, Json);
        return check?.UnitId == unitId ? check : null;
    }

    /// <summary>The photo as sent, or the fixed one.</summary>
    public Task<byte[]?> PhotoAsync(long unitId, string token, int index, bool fixedVersion, CancellationToken cancellationToken) =>
        IsToken(token) && index >= 0 ? files.GetAsync(PhotoKey(unitId, token, index, fixedVersion), cancellationToken) : Task.FromResult<byte[]?>(null);

    /// <summary>Keeps a fixed photo that passes every rule for the unit's accept.</summary>
    public async Task RecordFixAsync(BulkCheck check, int index, byte[] fixedJpeg, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        await files.PutAsync(PhotoKey(check.UnitId, check.Token, index, fixedVersion: true), fixedJpeg, cancellationToken);
        check.Photos[index].Fix = BulkFixState.Fixed;
    }

    /// <summary>Notes why a photo cannot be fixed.</summary>
    public static void RecordRefusal(BulkCheck check, int index, string zh, string en)
    {
        ArgumentNullException.ThrowIfNull(check);
        BulkCheckPhoto photo = check.Photos[index];
        photo.Fix = BulkFixState.Refused;
        photo.FixZh = zh;
        photo.FixEn = en;
    }

    public Task SaveAsync(BulkCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        return files.PutAsync(ReportKey(check.UnitId, check.Token), JsonSerializer.SerializeToUtf8Bytes(check, Json), cancellationToken);
    }

    /// <summary>
    /// What the one accept submits: every named photo that passed as sent, and every accepted fix, as
    /// "&lt;number&gt;.jpg", in number order, split into packages of at most <see cref="UnitPackageBuilder.MaxPhotosPerZip"/>.
    /// A fix not in <paramref name="acceptedFixes"/> (photo indices) stays out.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<BulkPhotoFile>>> PackagesAsync(BulkCheck check, IReadOnlySet<int> acceptedFixes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var ready = new List<BulkPhotoFile>();
        foreach (BulkCheckPhoto photo in check.Photos.Where(p => p.Name.IsResolved).OrderBy(p => p.Name.PersonalNumber, StringComparer.Ordinal))
        {
            bool fixedVersion = photo.Fix == BulkFixState.Fixed && acceptedFixes.Contains(photo.Index);
            if ((photo.IsReady || fixedVersion) && await PhotoAsync(check.UnitId, check.Token, photo.Index, fixedVersion, cancellationToken) is { } bytes)
            {
                ready.Add(new BulkPhotoFile(photo.Name.PersonalNumber + ".jpg", bytes));
            }
        }

        return Split(ready);
    }

    /// <summary>Consecutive packages of at most <see cref="UnitPackageBuilder.MaxPhotosPerZip"/> photos.</summary>
    public static IReadOnlyList<IReadOnlyList<BulkPhotoFile>> Split(IReadOnlyList<BulkPhotoFile> photos) =>
        [.. photos.Chunk(UnitPackageBuilder.MaxPhotosPerZip)];

    /// <summary>Records the batches made and removes the photos; the report stays until it expires.</summary>
    public async Task CompleteAsync(BulkCheck check, IReadOnlyList<long> batchIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        check.Batches.AddRange(batchIds);
        await SaveAsync(check, cancellationToken);
        foreach (StoredFile file in await files.ListAsync(Folder(check.UnitId, check.Token) + "photo-", cancellationToken))
        {
            await files.DeleteAsync(file.Key, cancellationToken);
        }
    }

    private async Task RemoveExpiredAsync(long unitId, CancellationToken cancellationToken)
    {
        DateTimeOffset before = time.GetUtcNow() - KeepFor;
        foreach (StoredFile file in await files.ListAsync($"bulk/{unitId}/", cancellationToken))
        {
            if (file.LastModified < before)
            {
                await files.DeleteAsync(file.Key, cancellationToken);
            }
        }
    }

    /// <summary>The name the rules see: "&lt;number&gt;.jpg" once named, so the naming rule judges the renamed file.</summary>
    private static string CheckedName(string fileName, BulkPhotoName name) =>
        name.PersonalNumber is { } number ? number + ".jpg" : fileName;

    private static bool IsToken(string token) => token.Length == 32 && token.All(char.IsAsciiHexDigitLower);

    private static string Folder(long unitId, string token) => $"bulk/{unitId}/{token}/";

    private static string ReportKey(long unitId, string token) => Folder(unitId, token) + "report.json";

    private static string PhotoKey(long unitId, string token, int index, bool fixedVersion) =>
        Folder(unitId, token) + (fixedVersion ? $"photo-{index}-fixed.jpg" : $"photo-{index}.jpg");
}
