namespace SocialCard.Photos.Profiles;

/// <summary>Pixel and container requirements of a profile.</summary>
public sealed class ImageSpec
{
    public int Width { get; init; }

    public int Height { get; init; }

    public double Dpi { get; init; }

    /// <summary>Allowed deviation of the stored density from <see cref="Dpi"/>, in dpi.</summary>
    public double DpiTolerance { get; init; } = 0.5;

    /// <summary>Colour components (3 = 24-bit colour).</summary>
    public int Components { get; init; } = 3;

    public int BitsPerSample { get; init; } = 8;

    /// <summary>Accepted container formats, lower-case names of <see cref="SocialCard.Imaging.ImageFormat"/> ("jpeg").</summary>
    public IReadOnlyList<string> Formats { get; init; } = ["jpeg"];

    /// <summary>Target JPEG quality for re-encoding (used by the fix pipeline).</summary>
    public int? JpegQuality { get; init; }
}
