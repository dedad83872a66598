namespace SocialCard.Platform.Domain;

/// <summary>The port to the photo engine (SocialCard.Photos). The host binds the real engine; the platform only
/// stores what it answers.</summary>
public interface IPhotoReviewer
{
    Task<PhotoReview> ReviewAsync(byte[] bytes, string fileName, string profileId, CancellationToken cancellationToken);
}
