namespace SocialCard.Imaging.Processing.Color;

/// <summary>CIELAB (D65) colour: lightness L* 0-100, a* green-red, b* blue-yellow.</summary>
public readonly record struct Lab(double L, double A, double B)
{
    /// <summary>Chroma C*ab = sqrt(a*² + b*²).</summary>
    public double Chroma => Math.Sqrt((A * A) + (B * B));

    /// <summary>Hue angle in degrees 0-360 (0 = +a* red, 90 = +b* yellow, 270 = -b* blue).</summary>
    public double Hue
    {
        get
        {
            double h = Math.Atan2(B, A) * 180.0 / Math.PI;
            return h < 0 ? h + 360.0 : h;
        }
    }
}
