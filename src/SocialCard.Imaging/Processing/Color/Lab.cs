namespace SocialCard.Imaging.Processing.Color;

/// <summary>CIE L*a*b* (D65): L 0-100, a and b roughly -128..127.</summary>
public readonly record struct Lab(float L, float A, float B)
{
    /// <summary>Chroma C*ab = sqrt(a² + b²).</summary>
    public float Chroma => MathF.Sqrt((A * A) + (B * B));
}
