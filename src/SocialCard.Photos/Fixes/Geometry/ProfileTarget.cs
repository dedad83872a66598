using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Fixes.Geometry;

/// <summary>Where the fix aims inside the profile's allowed ranges: the middle of each, which leaves the most room for
/// measurement differences between the fix and the checker.</summary>
internal readonly record struct ProfileTarget(int Width, int Height, double FaceWidth, double HairTop, double EyeMidX, double MaxEyeY, double MinEyeY, double MinFaceWidth)
{
    public static ProfileTarget From(SpecProfile profile)
    {
        ProfileGeometry g = profile.Geometry;
        int w = profile.Image.Width > 0 ? profile.Image.Width : 358;
        int h = profile.Image.Height > 0 ? profile.Image.Height : 441;
        double faceWidth = g.FaceWidthMax > 0 ? (g.FaceWidthMin + g.FaceWidthMax) / 2 : w * 0.6;
        double hairTop = g.HairTopMax > 0 ? (g.HairTopMin + g.HairTopMax) / 2 : h * 0.03;
        double eyeX = g.EyeMidXMax > 0 ? (g.EyeMidXMin + g.EyeMidXMax) / 2 : w / 2.0;
        double maxEyeY = h - Math.Max(g.EyeLineAboveBottomMin, 0) - 4;
        double minEyeY = g.EyeLineAboveBottomMax is { } m ? h - m + 4 : 0;
        double minFace = g.FaceWidthMin > 0 ? g.FaceWidthMin + 6 : faceWidth * 0.85;
        return new ProfileTarget(w, h, faceWidth, hairTop, eyeX, maxEyeY, minEyeY, minFace);
    }
}
