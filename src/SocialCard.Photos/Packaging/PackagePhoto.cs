namespace SocialCard.Photos.Packaging;

/// <summary>One photo offered for a unit package: its file name (the stem must be the 10-digit personal number) and bytes.</summary>
public sealed record PackagePhoto(string Name, byte[] Data);
