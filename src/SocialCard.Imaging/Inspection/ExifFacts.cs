namespace SocialCard.Imaging.Inspection;

/// <summary>The few EXIF (TIFF IFD0) fields the product reads: orientation and resolution.</summary>
internal readonly record struct ExifFacts(int Orientation, double XResolution, double YResolution, int ResolutionUnit, bool HasResolution)
{
    public static ExifFacts None => new(1, 0, 0, 0, false);
}
