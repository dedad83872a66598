using BenchmarkDotNet.Attributes;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Photos;
using SocialCard.Photos.Faces;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Target (&lt;= 5 ms per photo, one core): the whole check of one photo -- inspection, decode, face analysis
/// (detector + 68 landmarks + expression through <see cref="CheckerFaceDetector"/>) and every rule of
/// <see cref="PhotoChecker"/>'s shipped rule set -- on the compliant 358x441 photo with the product's default face engine
/// (<see cref="CheckerFaceDetector(FaceModels)"/>: the 160 probe, which decides this photo), with the cascade alone
/// (<see cref="CheckerFaceDetector.CascadeOnly"/>: the 352 detector first, the earlier default) and with a single
/// detector at 416 (the analyzer's default); and over the whole devset with the default and with the cascade alone
/// (mean per photo per operation, median over iterations).
/// </summary>
[Config(typeof(OneCoreConfig))]
public class FaceCheckBenchmarks
{
    private const int DevsetCount = 421;
    private PhotoCheckInputs? _inputs;
    private PhotoChecker? _checkerDefault;
    private PhotoChecker? _checkerCascade;
    private PhotoChecker? _checker416;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = PhotoCheckInputs.Load();
        if (_inputs.Photos.Count != DevsetCount)
        {
            throw new InvalidOperationException($"Expected {DevsetCount} devset photos, found {_inputs.Photos.Count}: update OperationsPerInvoke.");
        }

        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        _checkerDefault = new PhotoChecker(new CheckerFaceDetector(models));
        _checkerCascade = new PhotoChecker(CheckerFaceDetector.CascadeOnly(models));
        _checker416 = new PhotoChecker(new CheckerFaceDetector(new FaceAnalyzer(models)));
    }

    [Benchmark(Baseline = true)]
    public PhotoVerdict CompliantPhotoDefault()
    {
        (string name, byte[] bytes) = _inputs!.Compliant;
        return _checkerDefault!.Check(bytes, name, _inputs.Profile).Verdict;
    }

    [Benchmark]
    public PhotoVerdict CompliantPhotoCascadeOnly()
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

    [Benchmark(OperationsPerInvoke = DevsetCount)]
    public int WholeDevsetDefault() => CheckAll(_checkerDefault!);

    [Benchmark(OperationsPerInvoke = DevsetCount)]
    public int WholeDevsetCascadeOnly() => CheckAll(_checkerCascade!);

    private int CheckAll(PhotoChecker checker)
    {
        int failed = 0;
        foreach ((string name, byte[] bytes) in _inputs!.Photos)
        {
            failed += checker.Check(bytes, name, _inputs.Profile).Verdict == PhotoVerdict.Pass ? 0 : 1;
        }

        return failed;
    }
}
