using System.Drawing;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Crop;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Photos.Fixes.Geometry;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>
/// Separates the person from any background (flags, foliage, buildings, a mottled backdrop) with the segmentation
/// network's person probability, at output scale. Method:
/// <list type="number">
/// <item>Coarse matte: the smaller of two network passes' person probabilities at every output pixel (bilinear
/// between grid cells; the extended canvas outside the photo is background): the pass over the whole photo, sampled
/// through the crop map, and a close pass over the output itself, widened to a square by repeating its edge columns
/// (the head at about twice the whole-photo pass's resolution). Each pass alone keeps background the other rightly
/// calls wall: seen from afar a dark wall beside dark hair reads as more hair; seen close, a flag's stripes by the
/// shoulder read as person, without the rest of the flag. A pixel is person only where both passes agree.</item>
/// <item>What both passes still call person but is wall goes (<see cref="MatteCleanup"/>): saturated patches near the
/// edge whose colour is the wall's and not the person's nearby (a flag's stripe between the hair and the neck), and
/// every region apart from the one holding the eyes (a flag's stripe by the shoulder, cut off from the body by a
/// stripe of another colour), and saturated pixels near the edge whose colour the whole photo's sure wall shows and the
/// person's own colours do not (a flag's stripe wholly inside the matte). Pixels taken for their colour stay wall after
/// the edge refinement. Below the chin, clothes the close pass doubts and the whole-photo pass is sure of keep the sure
/// pass's probability (no pale blotches on a jacket), and so does a shoulder the whole-photo pass is sure of up to an
/// outline below the chin, whatever its colour (<see cref="ShoulderOutline"/>: a navy jacket against a navy flag), and
/// hair of a hair's hue with strands along the side edges, where the close pass sees its widened edge columns
/// (<see cref="HairAtTheFrame"/>), and dark brown hair against a dark wall that the close pass is the surer of
/// (<see cref="DarkHairTips"/>).</item>
/// <item>Edge refinement: a guided filter of that probability with the output's luminance as guide (radius 4,
/// eps 1e-3) makes the transition follow the photo's own edges (hair strands, collar) instead of the network's
/// 256-cell grid, then a linear ramp from 0.3 to 0.7 turns it into opacity, so faint background tails go to 0 and the
/// body to 1 without a blocky step. After it, a light piece that sticks out of the head's side beside the face, unlike
/// the person's colours near it, goes (<see cref="BumpsBesideTheHead"/>).</item>
/// <item>Foreground colour at the edge: the background behind each edge pixel is estimated locally (mean of the clear
/// background pixels within 12 px, normalised, and of the wall within 3 px), and <see cref="ForegroundEstimator"/>
/// un-mixes it, so no halo of the old background stays in the hair once the person is composited on white; an edge
/// pixel the saturated wall just beside it explains is made as transparent as its mix (no rim of a flag stripe), and a
/// flag's red seen between the strands of dark hair takes the hair's colour (<see cref="WallBetweenStrands"/>).</item>
/// </list>
/// </summary>
internal static class MatteSegmenter
{
    private const int GuideRadius = 3;
    private const float GuideEps = 1e-3f;
    private const float RampLow = 0.4f;
    private const float RampHigh = 0.6f;
    private const int BackgroundRadius = 12;

    /// <param name="matte">The network's pass over the whole (upright) photo.</param>
    /// <param name="network">Runs the close pass over the output; null keeps the whole-photo pass alone.</param>
    /// <param name="landmarks">The 68 landmarks in the output: the person region kept is the one holding the eye-line
    /// midpoint, and colours are judged above the chin.</param>
    /// <param name="source">The whole (upright) photo the first pass ran on: its sure wall is the wall palette.</param>
    public static SegmentationResult Segment(RgbImage image, ReadOnlySpan<byte> valid, RgbImage source, PersonMask matte, AffineMap outputToSource, SelfieSegmenter? network, IReadOnlyList<PointF> landmarks)
    {
        int w = image.Width, h = image.Height, n = w * h;
        float[] prob = new float[n], high = new float[n], guide = new float[n], whole = new float[n];
        PersonMask? close = null;
        int offset = 0;
        if (network is not null)
        {
            using RgbImage square = Cropper.SquareByEdges(image, out offset);
            close = network.Segment(square);
        }

        (int ox, int oy) = w < h ? (offset, 0) : (0, offset);
        ReadOnlySpan<byte> px = image.Pixels;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                guide[i] = Bt601.Luma((float)px[i * 3], px[(i * 3) + 1], px[(i * 3) + 2]) / 255f;
                if (valid[i] == 0)
                {
                    continue;
                }

                (double sx, double sy) = outputToSource.Apply(x + 0.5, y + 0.5);
                prob[i] = high[i] = whole[i] = matte.At(sx, sy);
                if (close is not null)
                {
                    float near = close.At(x + ox + 0.5, y + oy + 0.5);
                    prob[i] = Math.Min(prob[i], near);
                    high[i] = Math.Max(high[i], near);
                }
            }
        }

        int[] palette = MatteCleanup.WallPalette(source, matte);
        PersonColours own = MatteCleanup.PersonPalette(image, valid, high, landmarks);
        MatteCleanup.TrustClothes(image, valid, prob, high, landmarks, palette, own);
        ShoulderOutline.Restore(prob, whole, valid, w, h, landmarks);
        HairAtTheFrame.Restore(image, valid, guide, prob, high, whole);
        DarkHairTips.Restore(image, valid, prob, high, whole);
        byte[] wallColoured = MatteCleanup.VetoWallColours(image, valid, prob, high, landmarks, palette, own);
        MatteCleanup.KeepFaceRegion(prob, w, h, LandmarkGeometry.EyeMid(landmarks));

        float[] refined = GuidedFilter.Filter(guide, prob, w, h, GuideRadius, GuideEps);
        float[] alpha = new float[n];
        for (int i = 0; i < n; i++)
        {
            alpha[i] = valid[i] == 0 || wallColoured[i] != 0 ? 0f : Math.Clamp((refined[i] - RampLow) / (RampHigh - RampLow), 0f, 1f);
        }

        MatteCleanup.DropLiftedWallColours(image, valid, prob, alpha, landmarks, own);
        MatteCleanup.DropThinPieces(image, valid, prob, high, alpha, landmarks);
        SmoothWallPieces.Drop(image, valid, guide, prob, high, alpha, landmarks);
        BumpsBesideTheHead.Drop(image, valid, alpha, landmarks, own.Interior);

        // The edge refinement can lift a faint speck apart from the person (the wall's own edges guide it): the cut-out is one piece.
        MatteCleanup.KeepFaceRegion(alpha, w, h, LandmarkGeometry.EyeMid(landmarks), float.Epsilon);

        // The wall just beside an edge pixel: clear pixels neither pass is sure of as person, or that a colour rule took
        // (not clothes the close pass doubts, which the whole-photo pass is sure of and the ramp left clear).
        byte[] wall = new byte[n];
        for (int i = 0; i < n; i++)
        {
            wall[i] = valid[i] != 0 && (high[i] < 0.9f || wallColoured[i] != 0) ? (byte)1 : (byte)0;
        }

        RgbImage foreground = ForegroundEstimator.Estimate(image, alpha, LocalBackground(image, alpha, valid), wall);
        WallBetweenStrands.Recolour(image, valid, wall, alpha, foreground, landmarks);
        byte[] mask = new byte[n];
        for (int i = 0; i < n; i++)
        {
            mask[i] = alpha[i] >= 0.5f ? (byte)1 : (byte)0;
        }

        return new SegmentationResult(alpha, mask, foreground, null, 0, 0);
    }

    /// <summary>Mean colour of the clear background (alpha 0, inside the photo) around each pixel; white where none is near.</summary>
    private static float[] LocalBackground(RgbImage image, float[] alpha, ReadOnlySpan<byte> valid)
    {
        int w = image.Width, h = image.Height, n = w * h;
        float[] clear = new float[n];
        for (int i = 0; i < n; i++)
        {
            clear[i] = alpha[i] <= 0f && valid[i] != 0 ? 1 : 0;
        }

        (float[] mm, float[] mr, float[] mg, float[] mb) = BoxFilter.SelectedColourMeans(image.Pixels, clear, w, h, BackgroundRadius);
        float[] behind = new float[n * 3];
        for (int i = 0; i < n; i++)
        {
            bool any = mm[i] > 1e-3f;
            behind[i * 3] = any ? mr[i] / mm[i] : 255f;
            behind[(i * 3) + 1] = any ? mg[i] / mm[i] : 255f;
            behind[(i * 3) + 2] = any ? mb[i] / mm[i] : 255f;
        }

        return behind;
    }
}
