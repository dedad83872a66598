using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// The face zones the image rules measure: the face box (cheek to cheek, brow to chin), the skin zone between the
/// eyes and the mouth, its left/right halves and the two cheeks under the eyes. Built from a detected face when one is
/// available, else from the profile geometry (where a compliant face must sit), so rules never care which.
/// </summary>
public sealed class FaceRegion
{
    private FaceRegion(double centreX, double eyeY, double faceWidth, int canvasWidth, int canvasHeight, FaceRegionSource source)
    {
        CentreX = centreX;
        EyeY = eyeY;
        FaceWidth = faceWidth;
        Source = source;
        double w = faceWidth;
        Box = PixelRect.FromEdges(centreX - (0.5 * w), eyeY - (0.3 * w), centreX + (0.5 * w), eyeY + (0.7 * w), canvasWidth, canvasHeight);
        Skin = PixelRect.FromEdges(centreX - (0.32 * w), eyeY + (0.06 * w), centreX + (0.32 * w), eyeY + (0.45 * w), canvasWidth, canvasHeight);
        LeftHalf = PixelRect.FromEdges(centreX - (0.32 * w), eyeY + (0.06 * w), centreX - (0.04 * w), eyeY + (0.45 * w), canvasWidth, canvasHeight);
        RightHalf = PixelRect.FromEdges(centreX + (0.04 * w), eyeY + (0.06 * w), centreX + (0.32 * w), eyeY + (0.45 * w), canvasWidth, canvasHeight);
        LeftCheek = PixelRect.FromEdges(centreX - (0.32 * w), eyeY + (0.12 * w), centreX - (0.1 * w), eyeY + (0.34 * w), canvasWidth, canvasHeight);
        RightCheek = PixelRect.FromEdges(centreX + (0.1 * w), eyeY + (0.12 * w), centreX + (0.32 * w), eyeY + (0.34 * w), canvasWidth, canvasHeight);
    }

    /// <summary>
    /// Zone scale of a detected face, as a share of its jaw width (landmarks 0-16). The zone proportions (and the image
    /// rules' thresholds) were set on the profile region, whose width is the smallest allowed face (179 px) while
    /// compliant faces measure about 205 px from jaw point 0 to 16: the same proportions on a detected face keep the
    /// zones on the cheeks and off the ears and hair.
    /// </summary>
    public static double DetectedWidthFactor { get; } = 0.87;

    public FaceRegionSource Source { get; }

    /// <summary>Horizontal centre of the face (eye-line midpoint), pixels from the left edge.</summary>
    public double CentreX { get; }

    /// <summary>Eye line, pixels from the top edge.</summary>
    public double EyeY { get; }

    /// <summary>Face width (cheek to cheek) the zones are scaled by.</summary>
    public double FaceWidth { get; }

    /// <summary>Cheek to cheek, from about the eyebrows to the chin.</summary>
    public PixelRect Box { get; }

    /// <summary>Skin between the eye line and the mouth, inside the cheeks.</summary>
    public PixelRect Skin { get; }

    /// <summary>Left half of <see cref="Skin"/> as seen in the image (the person's right).</summary>
    public PixelRect LeftHalf { get; }

    public PixelRect RightHalf { get; }

    /// <summary>Cheek under the eye on the image's left.</summary>
    public PixelRect LeftCheek { get; }

    public PixelRect RightCheek { get; }

    /// <summary>
    /// The region where the profile says a compliant face must be, scaled to the actual image size: centred on the
    /// allowed eye-midpoint range, on the nominal eye line, as wide as the smallest allowed face (so the zones stay
    /// inside any compliant face).
    /// </summary>
    public static FaceRegion FromProfile(SpecProfile profile, int imageWidth, int imageHeight)
    {
        ProfileGeometry g = profile.Geometry;
        double sx = profile.Image.Width > 0 ? imageWidth / (double)profile.Image.Width : 1.0;
        double sy = profile.Image.Height > 0 ? imageHeight / (double)profile.Image.Height : 1.0;
        double centreX = (g.EyeMidXMin + g.EyeMidXMax) / 2.0;
        if (centreX <= 0)
        {
            centreX = profile.Image.Width / 2.0;
        }

        double eyeAbove = g.NominalEyeLineAboveBottom > 0 ? g.NominalEyeLineAboveBottom : profile.Image.Height * 0.55;
        double eyeY = profile.Image.Height - eyeAbove;
        double width = g.FaceWidthMin > 0 ? g.FaceWidthMin : profile.Image.Width * 0.5;
        return new FaceRegion(centreX * sx, eyeY * sy, width * Math.Min(sx, sy), imageWidth, imageHeight, FaceRegionSource.ProfileGeometry);
    }

    /// <summary>The zones around a measured face: eye-line midpoint, eye line and face width in image pixels.</summary>
    public static FaceRegion FromFace(double eyeMidX, double eyeY, double faceWidth, int imageWidth, int imageHeight) =>
        new(eyeMidX, eyeY, faceWidth, imageWidth, imageHeight, FaceRegionSource.DetectedFace);
}
