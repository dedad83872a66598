namespace SocialCard.Imaging.Processing.Resize;

/// <summary>Interpolation used on an axis that is enlarged (axes that shrink always use area averaging).</summary>
public enum UpscaleFilter
{
    /// <summary>Keys cubic convolution (a = -0.5): sharp, slight overshoot clamped to 0-255.</summary>
    Bicubic = 0,

    /// <summary>Linear interpolation between the two nearest samples.</summary>
    Bilinear = 1,
}
