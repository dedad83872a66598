using BenchmarkDotNet.Attributes;
using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Processing.Crop;
using SocialCard.Imaging.Processing.Resize;

namespace SocialCard.Benchmarks.Imaging;

/// <summary>
/// The per-photo imaging steps of pre-review and auto-fix: inspect and decode a 358x441 devset photo, resize a
/// 1200 px original (cropped to the 358:441 aspect) down to 358x441, and encode 358x441 at quality 75 / 350 dpi.
/// </summary>
[Config(typeof(OneCoreConfig))]
public class ImagingPipelineBenchmarks
{
    private byte[] _photo = [];
    private RgbImage? _large;
    private RgbImage? _small;

    [GlobalSetup]
    public void Setup()
    {
        _photo = DevsetPhotos.IdPhoto();
        using RgbImage original = ImageDecoder.Decode(DevsetPhotos.Original());
        int cropWidth = (int)Math.Round(original.Height * 358.0 / 441.0);
        _large = Cropper.Crop(original, (original.Width - cropWidth) / 2, 0, cropWidth, original.Height);
        _small = ImageDecoder.Decode(_photo);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _large?.Dispose();
        _small?.Dispose();
    }

    [Benchmark]
    public ContainerInfo Inspect() => ContainerInspector.Inspect(_photo);

    [Benchmark]
    public int Decode()
    {
        using RgbImage image = ImageDecoder.Decode(_photo);
        return image.Width;
    }

    [Benchmark]
    public int InspectAndDecode()
    {
        ContainerInfo info = ContainerInspector.Inspect(_photo);
        using RgbImage image = ImageDecoder.Decode(_photo);
        return info.Width + image.Width;
    }

    [Benchmark]
    public int Resize1200To358()
    {
        using RgbImage resized = Resizer.Resize(_large!, 358, 441);
        return resized.Width;
    }

    [Benchmark]
    public int EncodeQ75()
    {
        byte[] jpeg = JpegEncoder.Encode(_small!, new JpegEncoderOptions { Quality = 75, DensityDpi = 350 });
        return jpeg.Length;
    }
}
