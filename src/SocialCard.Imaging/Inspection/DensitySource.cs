namespace SocialCard.Imaging.Inspection;

public enum DensitySource
{
    None = 0,
    Jfif,
    Exif,
    PngPhys,
    BmpHeader,
    Heif,
}
