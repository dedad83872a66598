using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Processing.Fourier;
using SocialCard.Imaging.Processing.Luminance;
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
    private int? _hairTop;
    private bool _hairTopDone;
    private ShoulderLine? _shoulders;
    private bool _shouldersDone;
    private ClothingMeasure? _clothing;
    private bool _clothingDone;
    private EyeZones? _eyeZones;
    private bool _eyeZonesDone;
    private double? _teeth;
    private SymmetricLighting? _symmetricLighting;
    private bool _symmetricLightingDone;
    private SelfieSegmenter? _segmenter;
    private PersonMask? _person;
    private bool _personDone;
    private CutOutMeasure? _cutOut;
    private bool _cutOutDone;
    private PersonMask? _coarsePerson;
    private bool _coarsePersonDone;
    private CutOutReading? _coarseCutOut;
    private bool _coarseCutOutDone;

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

    /// <summary>Width of the photo as the file holds it: the container's when an over-size JPEG was decoded scaled
    /// (<see cref="DecodeScale"/>), else the decoded pixels' (or the container's without pixels).</summary>
    public int SourceWidth => _decoded is { ScaleDenominator: > 1 } || _decoded is null ? Container.Width : _decoded.Image.Width;

    /// <summary>Height of the photo as the file holds it (see <see cref="SourceWidth"/>).</summary>
    public int SourceHeight => _decoded is { ScaleDenominator: > 1 } || _decoded is null ? Container.Height : _decoded.Image.Height;

    /// <summary>1, or 2, 4, 8 when the file was larger than the checker decodes and its pixels are that fraction of each side.</summary>
    public int DecodeScale => _decoded?.ScaleDenominator ?? 1;

    public IReadOnlyList<string> DecodeWarnings => _decoded?.Warnings ?? [];

    /// <summary>Why decoding failed (bilingual message from the decoder), or null.</summary>
    public string? DecodeError { get; }

    public bool HasPixels => _decoded is not null;

    /// <summary>The face engine's observation, or null when no engine ran (or it could not run).</summary>
    public FaceObservation? Face { get; private set; }

    /// <summary>True when a face engine ran on the pixels (its observation may still hold zero faces).</summary>
    public bool FaceEngineRan => Face is not null;

    /// <summary>The most confident face the engine found, or null (no engine, or no face).</summary>
    public ObservedFace? PrimaryFace => Face?.Primary;

    /// <summary>
    /// Factors from image pixels to the profile's canvas pixels (1 for a photo of the profile's size), so geometry
    /// limits written for 358 x 441 apply to a photo of another size in proportion.
    /// </summary>
    public (double X, double Y) CanvasScale => Image is { } image && image.Width > 0 && image.Height > 0
        ? (Profile.Image.Width / (double)image.Width, Profile.Image.Height / (double)image.Height)
        : (1, 1);

    /// <summary>Top of the hair of the primary face, image rows from the upper edge (<see cref="HairTopMeasure"/>).</summary>
    public int? HairTop
    {
        get
        {
            if (!_hairTopDone)
            {
                _hairTop = PrimaryFace is { } face ? HairTopMeasure.Find(Pixels, Background.Rgb, face) : null;
                _hairTopDone = true;
            }

            return _hairTop;
        }
    }

    /// <summary>Shoulder line of the primary face's person (<see cref="ShoulderLine"/>): on the coarse person
    /// segmentation (<see cref="CoarsePerson"/>, which the cut-out rule runs on every face anyway) where the check has the
    /// network and it sees the person at the face, else from the colour outline; null when not found.</summary>
    public ShoulderLine? Shoulders
    {
        get
        {
            if (!_shouldersDone)
            {
                _shoulders = PrimaryFace is not { } face ? null
                    : face.HasLandmarks && CoarsePerson is { } person && person.At(face.EyeMidpoint.X, face.EyeMidpoint.Y) >= 0.5f ? ShoulderLine.FromPerson(person, face)
                    : ShoulderLine.Measure(Pixels, Background.Rgb, face);
                _shouldersDone = true;
            }

            return _shoulders;
        }
    }

    /// <summary>
    /// The white the clothing is judged against where it is not the photo's own background: an original whose wall the fix
    /// will replace (<see cref="ClothingMeasure"/>); null for a photo as submitted.
    /// </summary>
    internal (byte R, byte G, byte B)? ClothingWhite { get; init; }

    /// <summary>The person segmentation of these pixels that bounds the clothing on an original (with <see cref="ClothingWhite"/>).</summary>
    internal PersonMask? ClothingPerson { get; init; }

    /// <summary>Clothing lightness below the primary face (<see cref="ClothingMeasure"/>), null when none is visible.</summary>
    public ClothingMeasure? Clothing
    {
        get
        {
            if (!_clothingDone)
            {
                _clothing = PrimaryFace is not { } face ? null
                    : ClothingWhite is { } white ? ClothingMeasure.Measure(Pixels, Background.Rgb, white, face, SkinStats.MeanLab, ClothingPerson)
                    : ClothingMeasure.Measure(Pixels, Background.Rgb, face, SkinStats.MeanLab);
                _clothingDone = true;
            }

            return _clothing;
        }
    }

    /// <summary>Lens zones around the primary face's eyes (<see cref="Analysis.EyeZones"/>), null without landmarks.</summary>
    public EyeZones? EyeZones
    {
        get
        {
            if (!_eyeZonesDone)
            {
                _eyeZones = PrimaryFace is { } face ? EyeZones.Measure(Luma, face, SkinStats.Percentile(0.5)) : null;
                _eyeZonesDone = true;
            }

            return _eyeZones;
        }
    }

    /// <summary>Side-to-side lighting from mirrored landmark patches (<see cref="Analysis.SymmetricLighting"/>), null
    /// without landmarks.</summary>
    public SymmetricLighting? SymmetricLighting
    {
        get
        {
            if (!_symmetricLightingDone)
            {
                _symmetricLighting = PrimaryFace is { } face ? Analysis.SymmetricLighting.Measure(Pixels, face) : null;
                _symmetricLightingDone = true;
            }

            return _symmetricLighting;
        }
    }

    /// <summary>True when a segmentation network was given and there are pixels for it (<see cref="Person"/> and
    /// <see cref="CoarsePerson"/> are not null), without running it.</summary>
    public bool CanSegment => _segmenter is not null && Image is not null;

    /// <summary>The segmentation network's person probability over the photo at its trained input (256), null when no
    /// network was given (run on first use; given back to the network by <see cref="Dispose"/>, so read it only while the
    /// context lives).</summary>
    public PersonMask? Person
    {
        get
        {
            if (!_personDone)
            {
                _person = _segmenter is not null && Image is { } image ? _segmenter.Segment(image) : null;
                _personDone = true;
            }

            return _person;
        }
    }

    /// <summary>The same network's mask at its coarse input (<see cref="SelfieSegmentationModel.CoarseInputSize"/>, a
    /// quarter of the work), null when no network was given (run on first use; given back like <see cref="Person"/>): for a rule that can bound what it
    /// reads against the 256 mask (<see cref="Rules.Background.CutOutCascade"/>).</summary>
    public PersonMask? CoarsePerson
    {
        get
        {
            if (!_coarsePersonDone)
            {
                _coarsePerson = _segmenter is not null && Image is { } image ? _segmenter.SegmentCoarse(image) : null;
                _coarsePersonDone = true;
            }

            return _coarsePerson;
        }
    }

    /// <summary><see cref="CutOutMeasure.Read"/> on <see cref="CoarsePerson"/>, null without a face with landmarks or a network.</summary>
    public CutOutReading? CoarseCutOut
    {
        get
        {
            if (!_coarseCutOutDone)
            {
                _coarseCutOut = PrimaryFace is { HasLandmarks: true } face && CoarsePerson is { } person ? CutOutMeasure.Read(Pixels, person, face) : null;
                _coarseCutOutDone = true;
            }

            return _coarseCutOut;
        }
    }

    /// <summary>What a cut-out onto white left around the primary face's person (<see cref="CutOutMeasure"/> on
    /// <see cref="Person"/>), null without a face, a network or a white background.</summary>
    public CutOutMeasure? CutOut
    {
        get
        {
            if (!_cutOutDone)
            {
                _cutOut = PrimaryFace is { HasLandmarks: true } face && Person is { } person ? CutOutMeasure.Measure(Pixels, person, face) : null;
                _cutOutDone = true;
            }

            return _cutOut;
        }
    }

    /// <summary>Visible teeth of the primary face (<see cref="TeethMeasure"/>), 0 without landmarks.</summary>
    public double TeethShare => _teeth ??= PrimaryFace is { } face
        ? TeethMeasure.Share(Pixels, Luma, face, SkinStats.Percentile(0.5), SkinStats.MeanChroma)
        : 0;

    /// <summary>Face zones: from the primary detected face when there is one, else from the profile geometry.</summary>
    public FaceRegion FaceRegion => _faceRegion ??= BuildFaceRegion();

    public LumaPlane Luma => _luma ??= LumaPlane.Rent(Pixels);

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
    public static PhotoContext Create(ReadOnlyMemory<byte> data, string fileName, SpecProfile profile, IFaceDetector? faceDetector = null, ImageDecodeOptions? decodeOptions = null, SelfieSegmenter? segmenter = null)
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
        context._segmenter = segmenter;
        if (decoded is not null && faceDetector is not null)
        {
            context.Face = faceDetector.Analyze(decoded.Image);
        }

        return context;
    }

    /// <summary>
    /// A context over pixels that are not a file (the fix judges its cropped original with the checker's own rules
    /// before it changes a pixel): the context owns <paramref name="image"/>, the face is the one given, and the
    /// container rules have nothing to read.
    /// </summary>
    internal static PhotoContext ForImage(RgbImage image, string fileName, SpecProfile profile, ObservedFace face) =>
        ForImage(image, fileName, profile, face, null, null);

    /// <summary>
    /// A context over an original whose wall is still there: the clothing is judged against <paramref name="white"/>
    /// (the white the fix will put the person on) within the <paramref name="person"/> segmentation, so the same
    /// clothing rule reads the top as it will stand on that white.
    /// </summary>
    internal static PhotoContext ForImage(RgbImage image, string fileName, SpecProfile profile, ObservedFace face, (byte R, byte G, byte B)? white, PersonMask? person)
    {
        var container = new ContainerInfo { Format = ImageFormat.Unknown, Width = image.Width, Height = image.Height, Components = 3 };
        return new PhotoContext(fileName, ReadOnlyMemory<byte>.Empty, profile, container, new DecodedImage(image, ImageFormat.Unknown, []), null)
        {
            Face = new FaceObservation { Faces = [face] },
            ClothingWhite = white,
            ClothingPerson = person,
        };
    }

    public void Dispose()
    {
        // The masks this context had the network make go back to it for the next photo (read nothing of them after this).
        _segmenter?.Recycle(_person);
        _segmenter?.Recycle(_coarsePerson);
        _person = null;
        _coarsePerson = null;
        _luma?.ReturnRented();
        _luma = null;
        _background?.ReturnRented();
        _background = null;
        if (_spectrum is not null)
        {
            System.Buffers.ArrayPool<float>.Shared.Return(_spectrum);
            _spectrum = null;
        }
        _decoded?.Dispose();
    }

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
            return FaceRegion.FromFace(eyes.X, eyes.Y, face.FaceWidth * FaceRegion.DetectedWidthFactor, image.Width, image.Height);
        }

        return FaceRegion.FromProfile(Profile, image.Width, image.Height);
    }
}
