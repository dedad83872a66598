using Microsoft.EntityFrameworkCore;
using SocialCard.Faces;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// Same face, another person: a photo whose face lies within <see cref="FaceDescriber.SamePersonLimit"/> of a photo on
/// file for someone else (any unit, any channel) is not refused (twins exist) but waits for a look by centre staff, with
/// a reason that names no one. Descriptors are sealed at rest, so each comparison opens those on file (one pass per
/// chunk of a batch).
/// </summary>
public sealed class SameFaceCheck
{
    public const string RuleId = "face.same-as-another";

    /// <summary>The finding that sends such a photo to centre review.</summary>
    public static readonly PhotoFinding Finding = new(RuleId, FindingOutcome.Warn, null, null,
        "照片中的人脸与平台上另一人的照片相近，需中心人工核对（不是不合格）",
        "The face looks like a photo on file for another person; centre staff will check it (this is not a failure).");

    private readonly List<(long PersonId, float[] Descriptor)> _onFile;

    private SameFaceCheck(List<(long PersonId, float[] Descriptor)> onFile) => _onFile = onFile;

    /// <summary>The descriptors of every photo on file for a person.</summary>
    public static async Task<SameFaceCheck> LoadAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Photos.AsNoTracking().Where(p => p.FaceDescriptor != null && p.PersonId != null)
            .Select(p => new { PersonId = p.PersonId!.Value, p.FaceDescriptor }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new SameFaceCheck([.. rows.Select(r => (r.PersonId, FaceDescriptorText.Parse(r.FaceDescriptor!)))]);
    }

    /// <summary>Whether <paramref name="descriptor"/> matches a photo of anyone but <paramref name="personId"/>.</summary>
    public bool MatchesAnother(long personId, ReadOnlySpan<float> descriptor)
    {
        foreach (var (other, known) in _onFile)
        {
            if (other != personId && FaceDescriber.Distance(known, descriptor) < FaceDescriber.SamePersonLimit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts a photo stored in the same pass, so later photos of the pass are compared with it too.</summary>
    public void Add(long personId, float[] descriptor) => _onFile.Add((personId, descriptor));

    /// <summary><paramref name="review"/> sent to centre review with <see cref="Finding"/> (a failed one stays failed).</summary>
    public static PhotoReview ToReview(PhotoReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review with
        {
            Verdict = review.Verdict == PhotoVerdict.Failed ? PhotoVerdict.Failed : PhotoVerdict.NeedsReview,
            Findings = [Finding, .. review.Findings],
        };
    }
}
