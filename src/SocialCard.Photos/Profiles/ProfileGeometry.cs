namespace SocialCard.Photos.Profiles;

/// <summary>
/// Where the face must sit on the canvas, in pixels of the target size (photo-standards.md: national social security
/// card geometry unless a profile sets its own).
/// </summary>
public sealed class ProfileGeometry
{
    /// <summary>Face width (cheek to cheek), smallest allowed.</summary>
    public double FaceWidthMin { get; init; }

    public double FaceWidthMax { get; init; }

    /// <summary>Distance from the top of the hair to the upper edge, smallest allowed.</summary>
    public double HairTopMin { get; init; }

    public double HairTopMax { get; init; }

    /// <summary>Eye line height above the lower edge, smallest allowed.</summary>
    public double EyeLineAboveBottomMin { get; init; }

    /// <summary>Eye line height above the lower edge, largest allowed (null: no upper bound).</summary>
    public double? EyeLineAboveBottomMax { get; init; }

    /// <summary>Eye-line midpoint distance from the left edge, smallest allowed.</summary>
    public double EyeMidXMin { get; init; }

    public double EyeMidXMax { get; init; }

    /// <summary>
    /// Typical eye line height above the lower edge of a compliant photo: the anchor of the geometric face region used
    /// while no face detector has run.
    /// </summary>
    public double NominalEyeLineAboveBottom { get; init; }
}
