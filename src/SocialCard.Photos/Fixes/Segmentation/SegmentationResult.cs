using SocialCard.Imaging;

namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>Person matte at output scale: soft alpha, the hard mask it was refined from, the edge-decontaminated
/// person colours, the wall model, the wall-distance threshold used and how many hole pixels were filled.</summary>
internal sealed record SegmentationResult(float[] Alpha, byte[] Mask, RgbImage Foreground, BackgroundColourModel? Wall, float Threshold, int FilledHolePixels);
