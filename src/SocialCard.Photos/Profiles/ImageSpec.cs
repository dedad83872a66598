using System.Text.Json.Serialization;

namespace SocialCard.Photos.Profiles;

/// <summary>Pixel and container requirements of a profile.</summary>
public sealed class ImageSpec
{
    public int Width { get; init; }

    public int Height { get; init; }

    public double Dpi { get; init; }

    /// <summary>Allowed deviation of the stored density from <see cref="Dpi"/>, in dpi.</summary>
    [JsonInclude]
    public double DpiTolerance { get; internal set; } = 0.5;

    /// <summary>Colour components (3 = 24-bit colour).</summary>
    [JsonInclude]
    public int Components { get; internal set; } = 3;

    [JsonInclude]
    public int BitsPerSample { get; internal set; } = 8;

    /// <summary>Accepted container formats, lower-case names of <see cref="SocialCard.Imaging.ImageFormat"/> ("jpeg").</summary>
    [JsonInclude]
    public IReadOnlyList<string> Formats { get; internal set; } = ["jpeg"];

    /// <summary>Target JPEG quality for re-encoding (used by the fix pipeline).</summary>
    public int? JpegQuality { get; init; }
}
