using System.Collections.Concurrent;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests;

public sealed class PhotoCheckerTests
{
    private readonly PhotoChecker _checker = new();

    [Fact]
    public void Synthetic_compliant_photo_passes_every_image_rule()
    {
        PhotoReport report = _checker.Check(TestPhotos.Portrait(), TestPhotos.GoodName, TestPhotos.Suzhou);
        RuleFinding[] problems = [.. report.Findings.Where(f => f.Outcome is RuleOutcome.Fail or RuleOutcome.Warn && f.Rule != "file.size")];
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => $"{p.Rule}: {p.Value} {p.Message.En}")));
        Assert.Equal(PhotoRules.All.Count, report.Findings.Count);
    }

    [Fact]
    public void Verdict_is_fail_when_any_rule_fails()
    {
        PhotoReport report = _checker.Check(TestPhotos.Portrait(), "wang_fang.jpg", TestPhotos.Suzhou);
        Assert.Equal(PhotoVerdict.Fail, report.Verdict);
        Assert.Contains(report.Failures, f => f.Rule == "file.name");
    }

    [Fact]
    public void Verdict_is_warn_when_only_warnings()
    {
        SpecProfile ga461 = SpecProfiles.Get(SpecProfiles.Ga461);
        PhotoReport report = new PhotoChecker(PhotoRules.File).Check(TestPhotos.Portrait(quality: 97), TestPhotos.GoodName, ga461);
        Assert.Contains(report.Findings, f => f.Rule == "file.size" && f.Outcome == RuleOutcome.Warn);
        Assert.Equal(PhotoVerdict.Warn, report.Verdict);
    }

    [Fact]
    public void Unreadable_file_gives_error_with_a_reason_and_byte_rules_still_run()
    {
        byte[] junk = new byte[20_000];
        new Random(5).NextBytes(junk);
        PhotoReport report = _checker.Check(junk, "3205001234.jpg", TestPhotos.Suzhou);
        Assert.Equal(PhotoVerdict.Error, report.Verdict);
        Assert.Contains(report.Findings, f => f.Rule == "image.corrupt" && f.Outcome == RuleOutcome.Fail);
        Assert.Contains(report.Findings, f => f.Rule == "file.format" && f.Outcome == RuleOutcome.Fail);
        Assert.Contains(report.Findings, f => f.Rule == "file.name" && f.Outcome == RuleOutcome.Pass);
        Assert.Contains(report.Findings, f => f.Rule == "file.size" && f.Outcome == RuleOutcome.Pass);
        Assert.Contains(report.Findings, f => f.Rule == "background.color" && f.Outcome == RuleOutcome.Skip);
    }

    [Fact]
    public void Empty_file_gives_error()
    {
        PhotoReport report = _checker.Check([], "3205001234.jpg", TestPhotos.Suzhou);
        Assert.Equal(PhotoVerdict.Error, report.Verdict);
    }

    [Fact]
    public void Disabled_rule_is_reported_as_skip()
    {
        PhotoReport report = _checker.Check(TestPhotos.Portrait(), "whatever.jpg", SpecProfiles.Get(SpecProfiles.National));
        Assert.Equal(RuleOutcome.Skip, report.Findings.Single(f => f.Rule == "file.name").Outcome);
    }

    [Fact]
    public void One_checker_serves_parallel_threads_with_identical_results()
    {
        byte[][] photos =
        [
            TestPhotos.Portrait(),
            TestPhotos.Portrait(image => ImageEdits.Blur(image, 3)),
            TestPhotos.Portrait(portrait: new SyntheticPortrait { Background = (68, 146, 225) }),
            TestPhotos.Portrait(image => ImageEdits.Ghost(image, 7, 5)),
        ];
        string[] expected = [.. photos.Select(p => PhotoReportJson.Serialize("x", [_checker.Check(p, TestPhotos.GoodName, TestPhotos.Suzhou)]))];
        var results = new ConcurrentBag<(int Index, string Json)>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int k = i % photos.Length;
            results.Add((k, PhotoReportJson.Serialize("x", [_checker.Check(photos[k], TestPhotos.GoodName, TestPhotos.Suzhou)])));
        });
        Assert.Equal(64, results.Count);
        Assert.All(results, r => Assert.Equal(expected[r.Index], r.Json));
    }

    [Fact]
    public void Synthetic_compliant_photo_with_its_face_passes_every_rule()
    {
        var checker = new PhotoChecker(new FixedFaceDetector(new SyntheticFace().Build()));
        PhotoReport report = checker.Check(FaceRuleHarness.CompliantPortrait(), TestPhotos.GoodName, TestPhotos.Suzhou);
        // The segmentation network sees no person in a drawn portrait, so the cut-out rule skips (it never fails it), and
        // it does not outline the drawn shoulders, so shoulders.level may skip too.
        RuleFinding[] problems = [.. report.Findings.Where(f => f.Outcome is not RuleOutcome.Pass && f.Rule != "file.size"
            && !(f.Rule is "background.cutout" or "shoulders.level" && f.Outcome == RuleOutcome.Skip))];
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => $"{p.Rule}: {p.Outcome} {p.Value} {p.Message.En}")));
        Assert.Equal(PhotoRules.All.Count, report.Findings.Count);
    }

    [Fact]
    public void Without_a_face_only_face_count_fails_and_the_other_face_rules_skip()
    {
        var checker = new PhotoChecker(new FixedFaceDetector());
        PhotoReport report = checker.Check(FaceRuleHarness.CompliantPortrait(), TestPhotos.GoodName, TestPhotos.Suzhou);
        Assert.Equal(RuleOutcome.Fail, report.Findings.Single(f => f.Rule == "face.count").Outcome);
        foreach (IPhotoRule rule in PhotoRules.Face.Where(r => r.Id != "face.count"))
        {
            Assert.Equal(RuleOutcome.Skip, report.Findings.Single(f => f.Rule == rule.Id).Outcome);
        }

        foreach (IPhotoRule rule in PhotoRules.Image)
        {
            Assert.NotEqual(RuleOutcome.Skip, report.Findings.Single(f => f.Rule == rule.Id).Outcome);
        }
    }

    [Fact]
    public void Without_a_face_engine_every_face_rule_skips()
    {
        PhotoReport report = _checker.Check(FaceRuleHarness.CompliantPortrait(), TestPhotos.GoodName, TestPhotos.Suzhou);
        Assert.All(PhotoRules.Face, rule => Assert.Equal(RuleOutcome.Skip, report.Findings.Single(f => f.Rule == rule.Id).Outcome));
        Assert.Equal(PhotoVerdict.Pass, new PhotoChecker(PhotoRules.Face).Check(FaceRuleHarness.CompliantPortrait(), TestPhotos.GoodName, TestPhotos.Suzhou).Verdict);
    }

    [Fact]
    public void The_face_is_analysed_once_per_photo_for_all_rules()
    {
        var detector = new CountingDetector(new SyntheticFace().Build());
        var checker = new PhotoChecker(detector);
        checker.Check(FaceRuleHarness.CompliantPortrait(), TestPhotos.GoodName, TestPhotos.Suzhou);
        Assert.Equal(1, detector.Calls);
        checker.Check([1, 2, 3], TestPhotos.GoodName, TestPhotos.Suzhou);
        Assert.Equal(1, detector.Calls);
    }

    [Fact]
    public void Image_rules_measure_the_detected_face()
    {
        // The same face moved 60 px left: the face zones follow the landmarks, not the profile's fixed region.
        using Analysis.PhotoContext moved = Analysis.PhotoContext.Create(
            FaceRuleHarness.CompliantPortrait(), TestPhotos.GoodName, TestPhotos.Suzhou, new FixedFaceDetector(new SyntheticFace { Dx = -60 }.Build()));
        Assert.Equal(Analysis.FaceRegionSource.DetectedFace, moved.FaceRegion.Source);
        Assert.InRange(moved.FaceRegion.CentreX, 118, 120);
        using Analysis.PhotoContext none = Analysis.PhotoContext.Create(FaceRuleHarness.CompliantPortrait(), TestPhotos.GoodName, TestPhotos.Suzhou, new FixedFaceDetector());
        Assert.Equal(Analysis.FaceRegionSource.ProfileGeometry, none.FaceRegion.Source);
    }

    [Fact]
    public void One_checker_with_the_real_face_engine_serves_parallel_threads_with_identical_results()
    {
        PhotoChecker checker = TestFaceEngine.Checker;
        string[] files = ["0458430542.jpg", "0185776366.jpg", "1748655754.jpg", "0328498234.jpg"];
        byte[][] photos = [.. files.Select(f => File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", f)))];
        string[] expected = [.. photos.Select((p, i) => PhotoReportJson.Serialize("x", [checker.Check(p, files[i], TestPhotos.Suzhou)]))];
        var results = new ConcurrentBag<(int Index, string Json)>();
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            int k = i % photos.Length;
            results.Add((k, PhotoReportJson.Serialize("x", [checker.Check(photos[k], files[k], TestPhotos.Suzhou)])));
        });
        Assert.Equal(16, results.Count);
        Assert.All(results, r => Assert.Equal(expected[r.Index], r.Json));
    }

    private sealed class CountingDetector(ObservedFace face) : IFaceDetector
    {
        private int _calls;

        public int Calls => _calls;

        public FaceObservation? Analyze(RgbImage image)
        {
            Interlocked.Increment(ref _calls);
            return new FaceObservation { Faces = [face] };
        }
    }
}
