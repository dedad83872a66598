namespace SocialCard.Platform.Domain;

/// <summary>The platform's port to the check side of the photo engine (SocialCard.Photos' checker; bound by
/// <see cref="Engine.PhotoCheckAdapter"/>); the platform only stores what it answers.</summary>
public interface IPhotoCheckPort
{
    Task<PhotoReview> ReviewAsync(byte[] bytes, string fileName, string profileId, CancellationToken cancellationToken);
}
