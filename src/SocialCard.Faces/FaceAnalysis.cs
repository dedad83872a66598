namespace SocialCard.Faces;

/// <summary>The faces found in one image, highest detector score first.</summary>
public sealed class FaceAnalysis
{
    internal FaceAnalysis(IReadOnlyList<DetectedFace> faces, int imageWidth, int imageHeight)
    {
        Faces = faces;
        ImageWidth = imageWidth;
        ImageHeight = imageHeight;
    }

    public IReadOnlyList<DetectedFace> Faces { get; }

    public int ImageWidth { get; }

    public int ImageHeight { get; }
}
