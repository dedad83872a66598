using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Tests.Fixes.Support;

namespace SocialCard.Photos.Tests.Fixes.Steps;

/// <summary>Refusals: what no fix can repair is refused with a reason in zh and en.</summary>
public sealed class FaceStepTests
{
    private const string Person = "frl_london_013";

    private static FixResult Fix(byte[] data, IFaceDetector? detector = null) =>
        new PhotoFixer(detector ?? FixTestData.Detector, null, new FixOptions { Recheck = false }).Fix(data, "x.jpg", FixTestData.Suzhou);

    private static void AssertRefused(FixResult r, string code)
    {
        Assert.False(r.Success);
        Assert.NotNull(r.Refusal);
        Assert.Equal(code, r.Refusal!.Code);
        Assert.False(string.IsNullOrWhiteSpace(r.Refusal.Reason.Zh));
        Assert.False(string.IsNullOrWhiteSpace(r.Refusal.Reason.En));
        Assert.Equal(FixStepOutcome.Failed, r.Report.Steps[^1].Outcome);
    }

    [Fact]
    public void OneFace_Accepted()
    {
        FixResult r = Fix(FixTestData.Original(Person));
        Assert.Equal(FixStepOutcome.Applied, r.Report.Find("fix.face")!.Outcome);
        Assert.NotNull(r.Jpeg);
    }

    [Fact]
    public void NoFace_Refused()
    {
        using var wall = new RgbImage(600, 700);
        wall.Pixels.Fill(200);
        AssertRefused(Fix(ImageEdits.Jpeg(wall)), "face.none");
    }

    [Fact]
    public void TwoPeople_Refused()
    {
        using RgbImage a = FixTestData.Decode(FixTestData.Original("voteview_021178"));
        using RgbImage b = FixTestData.Decode(FixTestData.Original("voteview_021705"));
        using RgbImage b2 = ImageEdits.Resize(b, b.Width * a.Height / b.Height, a.Height);
        using RgbImage both = ImageEdits.SideBySide(a, b2);
        AssertRefused(Fix(ImageEdits.Jpeg(both)), "face.several");
    }

    [Fact]
    public void SourceTooSmall_Refused()
    {
        using RgbImage a = FixTestData.Decode(FixTestData.Original(Person));
        using RgbImage small = ImageEdits.Resize(a, 300, 300); // face ~100 px wide, needs > 2x enlargement
        AssertRefused(Fix(ImageEdits.Jpeg(small)), "source.too-small");
    }

    [Fact]
    public void ClosedEyes_Refused()
    {
        // The real face with its eyelid points pressed onto the eye line (what a closed eye looks like to the landmarks).
        var detector = new EditedDetector(FixTestData.Detector, p =>
        {
            foreach ((int upper, int lower) in new[] { (37, 41), (38, 40), (43, 47), (44, 46) })
            {
                float y = (p[upper].Y + p[lower].Y) / 2;
                p[upper] = new PointF(p[upper].X, y - 0.3f);
                p[lower] = new PointF(p[lower].X, y + 0.3f);
            }
        });
        AssertRefused(Fix(FixTestData.Original(Person), detector), "face.eyes-closed");
    }

    [Fact]
    public void TurnedHead_Refused()
    {
        var detector = new EditedDetector(FixTestData.Detector, p => { }, yaw: 35);
        AssertRefused(Fix(FixTestData.Original(Person), detector), "pose.yaw");
    }

    [Fact]
    public void HeavyBlur_RefusedAsBeyondRepair()
    {
        using RgbImage a = FixTestData.Decode(FixTestData.Original(Person));
        using RgbImage blurred = ImageEdits.Blur(a, 14);
        FixResult r = Fix(ImageEdits.Jpeg(blurred));
        Assert.False(r.Success, r.Report.ToString());
        Assert.Contains(r.Refusal!.Code, new[] { "sharpness.blur", "face.none" }); // so blurred the detector may not find the face
        Assert.False(string.IsNullOrWhiteSpace(r.Refusal.Reason.Zh));
    }

    [Fact]
    public void DevsetBlurred_EitherRefusedOrSharpEnoughAfterFix()
    {
        var checker = new PhotoChecker(FixTestData.Detector);
        int refused = 0, total = 0;
        foreach (string file in DevsetLabels.Files("sharpness.blur"))
        {
            total++;
            FixResult r = Fix(File.ReadAllBytes(file));
            if (r.Refusal?.Code is "sharpness.blur" or "face.none")
            {
                refused++;
                continue;
            }

            if (r.Refusal is not null)
            {
                continue; // refused for something else the person has to change (e.g. a smile)
            }

            Assert.NotNull(r.Jpeg);
            PhotoReport report = checker.Check(r.Jpeg!, "1234567890.jpg", FixTestData.Suzhou);
            Assert.DoesNotContain(report.Failures, f => f.Rule == "sharpness.blur");
        }

        Assert.True(total >= 10);
        Assert.True(refused > 0, "no blurred devset photo was refused");
    }

    [Fact]
    public void SmileWithTeeth_RefusedAsTheCheckRefusesIt()
    {
        // voteview_021705 smiles with teeth in its original (devset README: its only photo is expression.neutral): refused
        // for the teeth by the check's own rule, on the crop, before any pixel changes.
        FixResult r = Fix(FixTestData.Original("voteview_021705"));
        AssertRefused(r, "mouth.open");
        Assert.Equal("fix.subject", r.Report.Steps[^1].Step);
        Assert.Contains("露齿", r.Refusal!.Reason.Zh, StringComparison.Ordinal);
    }

    /// <summary>
    /// "happy" alone is no reason to refuse (the check lets a closed-lip smile through, a very clear one to a look by
    /// centre staff): a devset original with closed lips, its face as the real engine finds it but read as happy 0.99,
    /// is not refused for the expression; the fix goes on and the re-check has the last word.
    /// </summary>
    [Fact]
    public void ClosedLipSmile_NotRefusedOnHappyAlone()
    {
        FixResult r = Fix(FixTestData.Original(Person), new HappyReading(FixTestData.Detector, 0.99));
        Assert.True(r.Success, r.Refusal?.ToString());
        Assert.Equal(FixStepOutcome.Applied, r.Report.Find("fix.face")!.Outcome);
        Assert.Equal(FixStepOutcome.Applied, r.Report.Find("fix.subject")!.Outcome);
    }

    /// <summary>The real face engine whose expression net is taken to read "happy" at <paramref name="happy"/>.</summary>
    private sealed class HappyReading(IFaceDetector engine, double happy) : IFaceDetector
    {
        public FaceObservation? Analyze(RgbImage image) => Happy(engine.Analyze(image));

        public FaceObservation? AnalyzeForFix(RgbImage image) => Happy(engine.AnalyzeForFix(image));

        private FaceObservation? Happy(FaceObservation? found) => found is null ? null : new FaceObservation
        {
            Faces = [.. found.Faces.Select(f => new ObservedFace
            {
                Box = f.Box,
                Score = f.Score,
                Landmarks = f.Landmarks,
                YawDegrees = f.YawDegrees,
                PitchDegrees = f.PitchDegrees,
                RollDegrees = f.RollDegrees,
                Expressions = new Dictionary<string, double> { ["happy"] = happy, ["neutral"] = 1 - happy },
            })],
        };
    }

    [Fact]
    public void NonSquareFrame_FaceFoundInAWindow()
    {
        // The tiny detector misses this face in the whole 4:3 frame; the square-window fallback finds it.
        using RgbImage a = FixTestData.Decode(FixTestData.Original(Person));
        using var wide = new RgbImage(a.Width * 2, a.Height * 3 / 2);
        wide.Pixels.Fill(200);
        for (int y = 0; y < a.Height; y++)
        {
            a.Row(y).CopyTo(wide.Row(y).Slice(a.Width / 2 * 3));
        }

        FixResult r = Fix(ImageEdits.Jpeg(wide));
        Assert.Equal(FixStepOutcome.Applied, r.Report.Find("fix.face")!.Outcome);
        Assert.NotNull(r.Jpeg);
    }

    /// <summary>Wraps the real detector and edits its landmarks / pose (for conditions hard to photograph on demand).</summary>
    private sealed class EditedDetector(IFaceDetector inner, Action<PointF[]> edit, double? yaw = null) : IFaceDetector
    {
        public FaceObservation? Analyze(RgbImage image)
        {
            FaceObservation? o = inner.Analyze(image);
            if (o is null)
            {
                return null;
            }

            var faces = new List<ObservedFace>();
            foreach (ObservedFace f in o.Faces)
            {
                PointF[] p = [.. f.Landmarks];
                edit(p);
                faces.Add(new ObservedFace { Box = f.Box, Score = f.Score, Landmarks = p, YawDegrees = yaw ?? f.YawDegrees, PitchDegrees = f.PitchDegrees, RollDegrees = f.RollDegrees, Expressions = f.Expressions });
            }

            return new FaceObservation { Faces = faces };
        }
    }
}
