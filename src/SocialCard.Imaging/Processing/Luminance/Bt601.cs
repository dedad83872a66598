namespace SocialCard.Imaging.Processing.Luminance;

/// <summary>
/// The BT.601 luma weights, Y = 0.299 R + 0.587 G + 0.114 B: the one place they are written down. Floating-point
/// weights for sums and means, and the 8-bit fixed-point form (77, 150, 29; they add up to 256) the byte planes use.
/// </summary>
public static class Bt601
{
    public const double Red = 0.299;
    public const double Green = 0.587;
    public const double Blue = 0.114;

    /// <summary>Red weight times 256, rounded (77 + 150 + 29 = 256, so white stays 255).</summary>
    public const int RedQ8 = 77;

    /// <summary>Green weight times 256, rounded.</summary>
    public const int GreenQ8 = 150;

    /// <summary>Blue weight times 256, rounded.</summary>
    public const int BlueQ8 = 29;

    /// <summary>Luma of one pixel, 0-255, in double precision.</summary>
    public static double Luma(byte r, byte g, byte b) => (Red * r) + (Green * g) + (Blue * b);

    /// <summary>Luma of one colour of float channels (0-255, a mean or an un-mixed colour), in single precision.</summary>
    public static float Luma(float r, float g, float b) => ((float)Red * r) + ((float)Green * g) + ((float)Blue * b);

    /// <summary>
    /// Rounded 8-bit luma of the sum of <c>2^shift</c> pixels' channels: (77 R + 150 G + 29 B + half) &gt;&gt; (8 + shift).
    /// Shift 0 is one pixel; shift 2 is the mean of a 2 x 2 cell from its channel sums.
    /// </summary>
    public static byte LumaQ8(int r, int g, int b, int shift = 0) =>
        (byte)(((RedQ8 * r) + (GreenQ8 * g) + (BlueQ8 * b) + (1 << (7 + shift))) >> (8 + shift));
}
