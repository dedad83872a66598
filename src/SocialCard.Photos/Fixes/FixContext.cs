using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes;

/// <summary>
/// The state one fix carries from step to step. The original bytes are read-only; the decoded source is never
/// modified in place (steps replace images, disposing what they replace). One context serves one fix on one thread.
/// </summary>
public sealed class FixContext : IDisposable
{
    private RgbImage? _source;
    private RgbImage? _output;
    private RgbImage? _foreground;

    internal FixContext(ReadOnlyMemory<byte> data, string fileName, SpecProfile profile, FixOptions options, string? personNumber)
    {
        Data = data;
        FileName = fileName;
        Profile = profile;
        Options = options;
        PersonNumber = personNumber;
    }

    /// <summary>The original file, untouched.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    public string FileName { get; }

    public SpecProfile Profile { get; }

    public FixOptions Options { get; }

    public string? PersonNumber { get; }

    /// <summary>EXIF orientation of the original (1 = as stored).</summary>
    public int ExifOrientation { get; internal set; } = 1;

    /// <summary>Decoded pixels (upright once the orientation step ran), possibly reduced by DCT scaling.</summary>
    public RgbImage? Source
    {
        get => _source;
        internal set => Replace(ref _source, value);
    }

    /// <summary>Source pixels per original pixel (1, 1/2, 1/4, 1/8).</summary>
    public double SourceScale { get; internal set; } = 1;

    /// <summary>The one face, in <see cref="Source"/> pixels.</summary>
    public ObservedFace? Face { get; internal set; }

    /// <summary>The segmentation network's person probability over <see cref="Source"/>, once the segment step ran.</summary>
    public SocialCard.Faces.PersonMask? PersonProbability { get; internal set; }

    /// <summary>Head roll to remove (degrees, positive = right eye lower in image coordinates).</summary>
    public double RollDegrees { get; internal set; }

    /// <summary>True once leveling decided the roll to remove.</summary>
    public bool Levelled { get; internal set; }

    /// <summary>Output-pixel to source-pixel map chosen by the crop step.</summary>
    public AffineMap? Map { get; internal set; }

    /// <summary>The photo at output size (after cropping; composited on white after the background step).</summary>
    public RgbImage? Output
    {
        get => _output;
        internal set => Replace(ref _output, value);
    }

    /// <summary>Per output pixel: 1 where the crop fell inside the source, 0 where the canvas was extended.</summary>
    public byte[]? Valid { get; internal set; }

    /// <summary>The 68 landmarks mapped into <see cref="Output"/>.</summary>
    public PointF[]? OutputLandmarks { get; internal set; }

    /// <summary>Height of the head top above the eye line in levelled source pixels, when a later step measured it on the
    /// output and asks the crop step to place the head again (overrides the crop step's own hair-top search).</summary>
    public double? HairAboveEyes { get; internal set; }

    /// <summary>Hair top row in the output, as planned by the crop step.</summary>
    public double? OutputHairTop { get; internal set; }

    /// <summary>Background colour of the source (estimate from its border), used to extend the canvas.</summary>
    public (byte R, byte G, byte B) BackgroundColour { get; internal set; } = (255, 255, 255);

    /// <summary>Wall colour (Lab) at the top centre of the output, as the background step modelled it.</summary>
    public (float L, float A, float B)? WallLab { get; internal set; }

    /// <summary>Hard person mask at output scale (1 = person), from the background step.</summary>
    public byte[]? PersonMask { get; internal set; }

    /// <summary>Person opacity per output pixel (0 background .. 1 person), once the background step ran.</summary>
    public float[]? Alpha { get; internal set; }

    /// <summary>Person colours with background spill removed (valid where <see cref="Alpha"/> &gt; 0).</summary>
    public RgbImage? Foreground
    {
        get => _foreground;
        internal set => Replace(ref _foreground, value);
    }

    /// <summary>The encoded result.</summary>
    public byte[]? Jpeg { get; internal set; }

    /// <summary>JPEG quality and subsampling chosen by the encoder step.</summary>
    public string? EncodingNote { get; internal set; }

    public string? SuggestedFileName { get; internal set; }

    public FixRefusal? Refusal { get; internal set; }

    internal FixStepResult Refuse(string step, string code, LocalizedText reason, string metric = "", double? value = null)
    {
        Refusal = new FixRefusal(code, reason);
        return FixStepResult.Failed(step, reason, metric, value);
    }

    /// <summary>Writes <see cref="Output"/> = alpha * <see cref="Foreground"/> + (1 - alpha) * white.</summary>
    internal void Compose()
    {
        if (Foreground is null || Alpha is null || Output is null)
        {
            return;
        }

        ReadOnlySpan<byte> f = Foreground.Pixels;
        Span<byte> o = Output.Pixels;
        float[] alpha = Alpha;
        for (int i = 0; i < alpha.Length; i++)
        {
            float a = alpha[i], w = (1 - a) * 255f;
            int p = i * 3;
            o[p] = (byte)((f[p] * a) + w + 0.5f);
            o[p + 1] = (byte)((f[p + 1] * a) + w + 0.5f);
            o[p + 2] = (byte)((f[p + 2] * a) + w + 0.5f);
        }
    }

    public void Dispose()
    {
        _source?.Dispose();
        _output?.Dispose();
        _foreground?.Dispose();
        _source = _output = _foreground = null;
    }

    private static void Replace(ref RgbImage? slot, RgbImage? value)
    {
        if (!ReferenceEquals(slot, value))
        {
            slot?.Dispose();
        }

        slot = value;
    }
}
