using SocialCard.Faces;

namespace SocialCard.Photos.Faces;

/// <summary>The person-segmentation network installed by setup (models/selfie), loaded once per process; null where it
/// is not installed (the fix then separates the person from plain walls only, and the cut-out rule skips).</summary>
public static class InstalledSegmenter
{
    private static readonly Lazy<SelfieSegmenter?> s_value = new(Load);

    public static SelfieSegmenter? Value => s_value.Value;

    private static SelfieSegmenter? Load()
    {
        try
        {
            return new SelfieSegmenter(SelfieSegmentationModel.Load());
        }
        catch (ModelFormatException)
        {
            return null;
        }
    }
}
