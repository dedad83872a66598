using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.FaceRecognition;
using SocialCard.Imaging;

namespace SocialCard.Faces;

/// <summary>
/// Turns a face into a 128-value descriptor with <see cref="FaceRecognitionModel"/>: the square around the detector's
/// box (clipped to the image, padded to a square and resized to 150x150 exactly as face-api prepares its input), then
/// the network. Two photos of one person lie close (Euclidean <see cref="Distance"/>); a descriptor is biometric
/// personal data. Thread-safe: each thread keeps its own buffers (freed on <see cref="Dispose"/>).
/// </summary>
public sealed class FaceDescriber : IDisposable
{
    private readonly ThreadLocal<(FaceRecognitionRunner Runner, float[] Input)> _workspace;

    public FaceDescriber(FaceRecognitionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _workspace = new(() => (new FaceRecognitionRunner(model.Net), new float[FaceRecognitionNetModel.InputSize * FaceRecognitionNetModel.InputSize * 3]));
    }

    /// <summary>Two descriptors closer than this are taken for one person. Calibrated on the development photos whose face
    /// is as taken (<c>FaceDescriptorDevsetTests</c>): same person at most 0.394, different people at least 0.513, none on
    /// the wrong side leave-one-person-out. Provisional: two copies of one photo differ by up to 0.124, more than the
    /// margins, so a match only asks for a look.</summary>
    public const double SamePersonLimit = 0.45;

    /// <summary>The least distance the development photos keep from <see cref="SamePersonLimit"/> on either side.</summary>
    public const double LimitMargin = 0.05;

    /// <summary>Values in a descriptor.</summary>
    public static int Length => FaceRecognitionNetModel.DescriptorLength;

    /// <summary>The descriptor of the face in <paramref name="box"/>.</summary>
    public float[] Describe(RgbImage image, FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(image);
        double side = Math.Max(box.Width, box.Height);
        int x0 = Math.Clamp((int)Math.Round(box.CenterX - (side / 2)), 0, image.Width - 1);
        int y0 = Math.Clamp((int)Math.Round(box.CenterY - (side / 2)), 0, image.Height - 1);
        int x1 = Math.Clamp((int)Math.Round(box.CenterX + (side / 2)), x0 + 1, image.Width);
        int y1 = Math.Clamp((int)Math.Round(box.CenterY + (side / 2)), y0 + 1, image.Height);
        return Describe(image, x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>The descriptor of the pixel rectangle given (padded to a square, resized to the network's input).</summary>
    public float[] Describe(RgbImage image, int x, int y, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        (FaceRecognitionRunner runner, float[] input) = _workspace.Value;
        ImageInput.Prepare(image, x, y, width, height, center: true, FaceRecognitionNetModel.InputSize,
            FaceRecognitionNetModel.MeanR, FaceRecognitionNetModel.MeanG, FaceRecognitionNetModel.MeanB, input);
        var descriptor = new float[FaceRecognitionNetModel.DescriptorLength];
        runner.Run(input, descriptor);
        return descriptor;
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>Euclidean distance between two descriptors.</summary>
    public static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Descriptors differ in length.", nameof(b));
        }

        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
