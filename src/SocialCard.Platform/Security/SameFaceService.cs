using System.Text.Json.Nodes;
using SocialCard.Photos.Faces;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// The one same-face check of every channel that stores a person's photo (unit packages and their re-submissions, the
/// applicant wizard's submit and photo change, the counter): a photo that did not fail keeps the sealed descriptor of its
/// face, and one whose face matches a photo on file for another person waits for centre review
/// (<see cref="SameFaceCheck.Finding"/>, naming no one). Without the face recognition net (turned off, or no weights) it
/// does nothing.
/// </summary>
public sealed class SameFaceService(FaceDescriptorReader? faces = null)
{
    /// <summary>Whether faces are compared at all.</summary>
    public bool IsOn => faces is not null;

    /// <summary>The descriptor of the photo's one face; null when off, for a failed photo, or without exactly one face.</summary>
    public float[]? Describe(byte[] bytes, PhotoVerdict verdict) =>
        faces is not null && verdict != PhotoVerdict.Failed ? faces.Read(bytes) : null;

    /// <summary>The descriptors on file, or null when none of <paramref name="descriptors"/> needs them.</summary>
    public static async Task<SameFaceCheck?> LoadAsync(PlatformDbContext db, IEnumerable<float[]?> descriptors, CancellationToken cancellationToken) =>
        descriptors.Any(d => d is not null) ? await SameFaceCheck.LoadAsync(db, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>Checks one photo of <paramref name="personId"/> before it is stored: keeps its descriptor on
    /// <paramref name="photo"/> and answers <paramref name="review"/>, sent to centre review when the face is another
    /// person's on file.</summary>
    public async Task<PhotoReview> CheckAsync(PlatformDbContext db, Photo photo, long personId, byte[] bytes, PhotoReview review,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        return await MatchesAnotherAsync(db, photo, personId, bytes, review.Verdict, cancellationToken).ConfigureAwait(false)
            ? SameFaceCheck.ToReview(review)
            : review;
    }

    /// <summary>Keeps the descriptor of the face of <paramref name="photo"/> (not yet stored) on it and answers whether that
    /// face matches a photo on file for anyone but <paramref name="personId"/>.</summary>
    public async Task<bool> MatchesAnotherAsync(PlatformDbContext db, Photo photo, long personId, byte[] bytes, PhotoVerdict verdict,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (Describe(bytes, verdict) is not { } descriptor)
        {
            return false;
        }

        var onFile = await SameFaceCheck.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        photo.FaceDescriptor = FaceDescriptorText.Format(descriptor);
        return onFile.MatchesAnother(personId, descriptor);
    }

    /// <summary>Findings stored as JSON (the engine's or the wizard's shape) with <see cref="SameFaceCheck.Finding"/> first.</summary>
    public static string WithFinding(string findingsJson)
    {
        var list = JsonNode.Parse(string.IsNullOrWhiteSpace(findingsJson) ? "[]" : findingsJson) as JsonArray ?? [];
        list.Insert(0, JsonNode.Parse(JobJson.Serialize(SameFaceCheck.Finding)));
        return list.ToJsonString();
    }
}
