namespace SocialCard.Faces.Models.SelfieSegmentation;

/// <summary>The height, width and channels of one runtime tensor (batch 1, NHWC).</summary>
internal readonly record struct GraphShape(int H, int W, int C)
{
    public int Length => H * W * C;

    public int Pixels => H * W;

    public override string ToString() => $"{H}x{W}x{C}";
}
