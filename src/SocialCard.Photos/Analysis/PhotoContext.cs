using SocialCard.Imaging;
using SocialCard.Imaging.Inspection;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Everything the rules read about one photo, built once: the file name and bytes, the container facts, the decoded
/// pixels (or why there are none), the face observation, and analyses computed on first use and then shared (luma
/// plane, face zones and their statistics, background model, focus, echo and spectrum measures). One context serves
/// one photo on one thread; dispose it to return the pixel buffer.
/// </summary>
public sealed class PhotoContext : IDisposable
{
    private static readonly ThreadLocal<Fft> s_fft128 = new(() => new Fft(128));

    private readonly DecodedImage? _decoded;
    private LumaPlane? _luma;
    private FaceRegion? _faceRegion;
    private ZoneStats? _faceStats;
    private ZoneStats? _facePersonStats;
    private (double Balance, bool LeftDarker)? _balance;
    private ZoneStats? _skinStats;
    private ZoneStats? _leftStats;
    private ZoneStats? _rightStats;
    private BackgroundModel? _background;
    private double? _sharpness;
    private (double Strength, int Dx, int Dy)? _echo;
    private double? _periodicity;
    private float[]? _spectrum;
    private bool _spectrumDone;

    private PhotoContext(string fileName, ReadOnlyMemory<byte> data, SpecProfile profile, ContainerInfo container, DecodedImage? decoded, string? decodeError)
    {
        FileName = fileName;
        Data = data;
        Profile = profile;
        Container = container;
        _decoded = decoded;
        DecodeError = decodeError;
    }

    public string FileName { get; }

    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The profile the context was built for (its geometry places the face zones when no face is known).</summary>
    public SpecProfile Profile { get; }

    /// <summary>Container facts; <see cref="ContainerInfo.Format"/> is Unknown for non-images.</summary>
    public ContainerInfo Container { get; }

    /// <summary>Decoded pixels, or null when the bytes could not be decoded (see <see cref="DecodeError"/>).</summary>
    public RgbImage? Image => _decoded?.Image;

    public IReadOnlyList<string> DecodeWarnings => _decoded?.Warnings ?? [];

    /// <summary>Why decoding failed (bilingual message from the decoder), or null.</summary>
    public string? DecodeError { get; }

    public bool HasPixels => _decoded is not null;

    /// <summary>The face engine's observation, or null when no engine ran (or it could not run).</summary>
    public FaceObservation? Face { get; private set; }

    /// <summary>Face zones: from the primary detected face when there is one, else from the profile geometry.</summary>
    public FaceRegion FaceRegion => _faceRegion ??= BuildFaceRegion();

    public LumaPlane Luma => _luma ??= LumaPlane.From(Pixels);

    /// <summary>Luma and colour statistics of the face box.</summary>
    public ZoneStats FaceStats => _faceStats ??= ZoneStats.Measure(Pixels, Luma, FaceRegion.Box);

    /// <summary>Statistics of the face box without its background cells (the person only).</summary>
    public ZoneStats FacePersonStats => _facePersonStats ??= ZoneStats.Measure(Pixels, Luma, FaceRegion.Box, Background, colour: false);

    /// <summary>Left/right lighting balance of the face (<see cref="IlluminationBalance"/>).</summary>
    public (double Balance, bool LeftDarker) LightingBalance => _balance ??= IlluminationBalance.Measure(Luma, FaceRegion);

    /// <summary>Statistics of the skin zone between eyes and mouth.</summary>
    public ZoneStats SkinStats => _skinStats ??= ZoneStats.Measure(Pixels, Luma, FaceRegion.Skin);

    public ZoneStats LeftHalfStats => _leftStats ??= ZoneStats.Measure(Pixels, Luma, FaceRegion.LeftHalf, colour: false);

    public ZoneStats RightHalfStats => _rightStats ??= ZoneStats.Measure(Pixels, Luma, FaceRegion.RightHalf, colour: false);

    public BackgroundModel Background => _background ??= BackgroundModel.Measure(Pixels, FaceRegion);

    /// <summary>Contrast-free focus of the face box (<see cref="SharpnessMeasure"/>).</summary>
    public double Sharpness => _sharpness ??= SharpnessMeasure.Measure(Luma, FaceRegion.Box);

    /// <summary>Strongest secondary autocorrelation peak of the face (<see cref="EchoMeasure"/>).</summary>
    public (double Strength, int Dx, int Dy) Echo => _echo ??= Spectrum is { } power ? EchoMeasure.Measure(power, s_fft128.Value!) : (0, 0, 0);

    /// <summary>Sharpest spectral peak of the face and shoulders (<see cref="PeriodicityMeasure"/>).</summary>
    public double Periodicity => _periodicity ??= Spectrum is { } power ? PeriodicityMeasure.Measure(power) : 0;

    /// <summary>Power spectrum of the face crop (<see cref="FaceSpectrum"/>), null for images under 128 px.</summary>
    public ReadOnlySpan<float> SpectrumPower => Spectrum;

    private float[]? Spectrum
    {
        get
        {
            if (!_spectrumDone)
            {
                _spectrum = FaceSpectrum.Compute(Luma, FaceRegion.Box, s_fft128.Value!);
                _spectrumDone = true;
            }

            return _spectrum;
        }
    }

    private RgbImage Pixels => Image ?? throw new InvalidOperationException("No pixels: check HasPixels first.");

    /// <summary>
    /// Inspects and decodes the bytes once. Never throws for bad content: an unreadable file gives a context without
    /// pixels and a <see cref="DecodeError"/>.
    /// </summary>
    public static PhotoContext Create(ReadOnlyMemory<byte> data, string fileName, SpecProfile profile, IFaceDetector? faceDetector = null, ImageDecodeOptions? decodeOptions = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ContainerInfo container = Inspect(data.Span);
        DecodedImage? decoded = null;
        string? error = null;
        if (data.IsEmpty)
        {
            error = "文件为空 / The file is empty.";
        }
        else if (container.Format == ImageFormat.Unknown)
        {
            error = "无法识别的文件格式，不是图片 / Unrecognised file format: not an image.";
        }
        else
        {
            try
            {
                decoded = ImageDecoder.DecodeWithDiagnostics(data.Span, decodeOptions);
            }
            catch (InvalidImageContentException ex)
            {
                error = ex.Message;
            }
            catch (NotSupportedException ex)
            {
                error = ex.Message;
            }
            catch (ArgumentException ex)
            {
                error = "图像数据无效 / Invalid image data: " + ex.Message;
            }
        }

        var context = new PhotoContext(fileName, data, profile, container, decoded, error);
        if (decoded is not null && faceDetector is not null)
        {
            context.Face = faceDetector.Analyze(decoded.Image);
        }

        return context;
    }

    public void Dispose() => _decoded?.Dispose();

    private static ContainerInfo Inspect(ReadOnlySpan<byte> data)
    {
        try
        {
            return ContainerInspector.Inspect(data);
        }
        catch (Exception ex) when (ex is InvalidImageContentException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            // The inspector promises not to throw; if it ever does, the photo is still judged, as an unreadable container.
            return new ContainerInfo { Format = ImageFormatSniffer.Detect(data), Warnings = [ex.Message] };
        }
    }

    private FaceRegion BuildFaceRegion()
    {
        RgbImage image = Pixels;
        if (Face?.Primary is { } face)
        {
            System.Drawing.PointF eyes = face.EyeMidpoint;
            return FaceRegion.FromFace(eyes.X, eyes.Y, face.FaceWidth, image.Width, image.Height);
        }

        return FaceRegion.FromProfile(Profile, image.Width, image.Height);
    }
}
