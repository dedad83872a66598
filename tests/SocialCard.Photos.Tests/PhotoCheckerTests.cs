using System.Collections.Concurrent;
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
}
