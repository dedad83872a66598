namespace SocialCard.Faces.Models.TinyFaceDetector;

/// <summary>
/// The detector's working tensors (input, the two ping-pong layers, the depthwise output, the first layer's im2col
/// rows), shared by the runners of every input size one analysis uses in turn (the probe, then the cascade's sizes): each
/// run grows them to its size if they are smaller, so a process holds and touches one set, of the largest size it has
/// run, instead of one per size. Not thread-safe: one per concurrent analysis.
/// </summary>
internal sealed class DetectorScratch
{
    public float[] Input { get; private set; } = [];

    public float[] A { get; private set; } = [];

    public float[] B { get; private set; } = [];

    public float[] Depthwise { get; private set; } = [];

    public float[] Im2col { get; private set; } = [];

    /// <summary>Makes every tensor at least as long as <paramref name="lengths"/> asks (contents are not kept).</summary>
    public void Reserve(Lengths lengths)
    {
        Input = AtLeast(Input, lengths.Input);
        A = AtLeast(A, lengths.A);
        B = AtLeast(B, lengths.B);
        Depthwise = AtLeast(Depthwise, lengths.Depthwise);
        Im2col = AtLeast(Im2col, lengths.Im2col);
    }

    private static float[] AtLeast(float[] array, long length) => array.LongLength >= length ? array : new float[length];

    /// <summary>What one input size needs of each tensor, in floats.</summary>
    public readonly record struct Lengths(long Input, long A, long B, long Depthwise, long Im2col);
}
