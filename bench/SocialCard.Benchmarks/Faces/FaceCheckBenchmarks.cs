using BenchmarkDotNet.Attributes;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Photos;
using SocialCard.Photos.Fixes.FaceEngine;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Issue 3 target (&lt;= 5 ms per photo, one core): the whole check of one photo -- inspection, decode, face analysis
/// (detector + 68 landmarks + expression through <see cref="FaceAnalyzerDetector"/>) and every rule of
/// <see cref="PhotoChecker"/>'s shipped rule set -- on the compliant 358x441 photo with the product's default detector
/// cascade (<see cref="FaceAnalyzerDetector(FaceModels)"/>; on this photo its first size, 352, finds the face), with a
/// single detector at 416 (the analyzer's default) and at 224, with the opt-in 224 probe in front of the cascade
/// (<see cref="FaceAnalyzerDetector(FaceModels, int, SocialCard.Faces.SingleFaceGate?)"/>: faster, but it moves some
/// borderline devset outcomes, see that class); and over the whole devset with the cascade (mean per photo per
/// operation, median over iterations).
/// </summary>
[Config(typeof(OneCoreConfig))]
public class FaceCheckBenchmarks
{
    private const int DevsetCount = 421;
    private PhotoCheckInputs? _inputs;
    private PhotoChecker? _checkerCascade;
    private PhotoChecker? _checker416;
    private PhotoChecker? _checker224;
    private PhotoChecker? _checkerProbe224;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = PhotoCheckInputs.Load();
        if (_inputs.Photos.Count != DevsetCount)
        {
            throw new InvalidOperationException($"Expected {DevsetCount} devset photos, found {_inputs.Photos.Count}: update OperationsPerInvoke.");
        }

        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        _checkerCascade = new PhotoChecker(new FaceAnalyzerDetector(models));
        _checker416 = new PhotoChecker(new FaceAnalyzerDetector(new FaceAnalyzer(models)));
        _checker224 = new PhotoChecker(new FaceAnalyzerDetector(new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = 224 })));
        _checkerProbe224 = new PhotoChecker(new FaceAnalyzerDetector(models, probeInputSize: 224));
    }

    [Benchmark]
    public PhotoVerdict CompliantPhotoCascade()
    {
        (string name, byte[] bytes) = _inputs!.Compliant;
        return _checkerCascade!.Check(bytes, name, _inputs.Profile).Verdict;
    }

    [Benchmark]
    public PhotoVerdict CompliantPhoto416()
    {
        (string name, byte[] bytes) = _inputs!.Compliant;
        return _checker416!.Check(bytes, name, _inputs.Profile).Verdict;
    }

    [Benchmark]
    public PhotoVerdict CompliantPhoto224()
    {
        (string name, byte[] bytes) = _inputs!.Compliant;
        return _checker224!.Check(bytes, name, _inputs.Profile).Verdict;
    }

    [Benchmark]
    public PhotoVerdict CompliantPhotoProbe224()
    {
        (string name, byte[] bytes) = _inputs!.Compliant;
        return _checkerProbe224!.Check(bytes, name, _inputs.Profile).Verdict;
    }

    [Benchmark(OperationsPerInvoke = DevsetCount)]
    public int WholeDevsetCascade()
    {
        int failed = 0;
        foreach ((string name, byte[] bytes) in _inputs!.Photos)
        {
            failed += _checkerCascade!.Check(bytes, name, _inputs.Profile).Verdict == PhotoVerdict.Pass ? 0 : 1;
        }

        return failed;
    }
}
