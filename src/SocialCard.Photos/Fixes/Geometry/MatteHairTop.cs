using System.Drawing;
using SocialCard.Faces;

namespace SocialCard.Photos.Fixes.Geometry;

/// <summary>
/// The head top from the segmentation network's person probability, not from wall contrast: in the levelled frame, on
/// lines parallel to the head's vertical axis across the middle 0.6 face widths, walks up from the brows while the
/// person probability stays at or above one half; the head top is the highest exit. Works on any background (flags,
/// foliage, a wall the hair matches) because the network, not the colour difference, says where the person ends.
/// It is not <see cref="Analysis.HairTopMeasure.Scan{TRows}"/>: that scan counts pixels differing from a background
/// colour along image rows and needs <see cref="Analysis.HairTopMeasure.MinPixels"/> of them to reject sensor noise,
/// while a matte is a smooth probability with no such noise, sampled bilinearly on lines that follow the head's roll,
/// so one line still above one half is already the person. Measured (devset originals, <c>DevsetFixTests</c>):
/// the same rows put through the one scan (13 samples a row, a row reached by 3 of them, the head ending at the first
/// row not reached) sets the head top lower on round heads, where only the middle lines reach the top: 27 of the 32
/// fixed photos come out with other bytes, and frl_london_026 then fails its re-check (expression.neutral) -- 31 of 61
/// originals fixed instead of 32. So the matte keeps its own line walk.
/// </summary>
internal static class MatteHairTop
{
    private const double BandHalfWidth = 0.30;
    private const float Person = 0.5f;

    public static HairTopFinder.HairTop Find(PersonMask matte, PointF eyeMid, double rollDegrees, double faceWidth, double startAboveEyes)
    {
        double r = rollDegrees * Math.PI / 180.0, c = Math.Cos(r), s = Math.Sin(r);
        double cell = (double)matte.Side / matte.Size;
        double step = Math.Max(0.5, cell / 4);
        double half = BandHalfWidth * faceWidth;
        double best = startAboveEyes;
        bool clipped = false;
        for (double x = -half; x <= half + 1e-9; x += half / 6)
        {
            for (double t = startAboveEyes; ; t += step)
            {
                double sx = eyeMid.X + (c * x) + (s * t), sy = eyeMid.Y + (s * x) - (c * t);
                if (sy < 0 || sx < 0 || sx >= matte.ImageWidth)
                {
                    clipped |= sy < 0;
                    best = Math.Max(best, t);
                    break;
                }

                if (matte.At(sx, sy) < Person)
                {
                    best = Math.Max(best, t);
                    break;
                }
            }
        }

        return new HairTopFinder.HairTop(best, clipped);
    }
}
