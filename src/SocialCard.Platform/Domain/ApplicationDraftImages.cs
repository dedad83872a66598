namespace SocialCard.Platform.Domain;

/// <summary>The images a wizard draft carries until submission: the photo (and its original) and the ID card sides.</summary>
public sealed record ApplicationDraftImages(byte[]? Photo, byte[]? PhotoOriginal, byte[]? IdFront, byte[]? IdBack);
