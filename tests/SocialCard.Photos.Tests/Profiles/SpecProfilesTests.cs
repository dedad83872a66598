using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Profiles;

public sealed class SpecProfilesTests
{
    private static readonly string[] s_faceRuleIds =
    [
        "face.count", "face.size", "face.position", "pose.yaw", "pose.pitch", "pose.roll", "shoulders.level",
        "eyes.closed", "mouth.open", "expression.neutral", "occlusion.eyes", "clothing.light",
    ];

    [Fact]
    public void Four_profiles_are_embedded()
    {
        Assert.Equal(["chengdu-sscard", "ga461-idcard", "national-sscard", "suzhou-sscard"], SpecProfiles.All.Select(p => p.Id));
        Assert.Same(SpecProfiles.Get("SUZHOU-sscard"), SpecProfiles.Get(SpecProfiles.Suzhou));
        Assert.Throws<SpecProfileException>(() => SpecProfiles.Get("beijing"));
    }

    [Fact]
    public void Suzhou_has_its_file_rules_and_the_national_geometry()
    {
        SpecProfile suzhou = SpecProfiles.Get(SpecProfiles.Suzhou);
        SpecProfile national = SpecProfiles.Get(SpecProfiles.National);
        Assert.Equal((358, 441, 350.0), (suzhou.Image.Width, suzhou.Image.Height, suzhou.Image.Dpi));
        Assert.Equal((10.0, 40.0), (suzhou.File.MinKB, suzhou.File.MaxKB));
        Assert.Equal("^[0-9]{10}\\.[jJ][pP][gG]$", suzhou.File.NamePattern);
        Assert.Equal((179.0, 255.0, 7.0, 21.0, 207.0, 162.0, 196.0),
            (suzhou.Geometry.FaceWidthMin, suzhou.Geometry.FaceWidthMax, suzhou.Geometry.HairTopMin, suzhou.Geometry.HairTopMax,
             suzhou.Geometry.EyeLineAboveBottomMin, suzhou.Geometry.EyeMidXMin, suzhou.Geometry.EyeMidXMax));
        Assert.Equal(national.Geometry.FaceWidthMax, suzhou.Geometry.FaceWidthMax);
        Assert.Equal(national.Rule("background.color").Thresholds, suzhou.Rule("background.color").Thresholds);
        Assert.True(suzhou.Rule("file.name").Enabled);
        Assert.Equal(RuleSeverity.Fail, suzhou.Rule("clothing.light").Severity);
    }

    [Fact]
    public void Chengdu_and_ga461_differ_where_the_documents_say()
    {
        SpecProfile chengdu = SpecProfiles.Get(SpecProfiles.Chengdu);
        Assert.Null(chengdu.File.MinKB);
        Assert.Equal(1024.0, chengdu.File.MaxKB);
        Assert.False(chengdu.Rule("file.name").Enabled);

        SpecProfile ga = SpecProfiles.Get(SpecProfiles.Ga461);
        Assert.Equal((193.0, 221.0), (ga.Geometry.FaceWidthMin, ga.Geometry.FaceWidthMax));
        Assert.Equal((14.0, 20.0), (ga.File.MinKB, ga.File.MaxKB));
        Assert.Equal(RuleSeverity.Warn, ga.Rule("file.size").Severity);
    }

    [Fact]
    public void Every_profile_configures_every_rule_of_the_engine_and_the_face_rules()
    {
        foreach (SpecProfile profile in SpecProfiles.All)
        {
            foreach (string id in PhotoRules.All.Select(r => r.Id).Concat(s_faceRuleIds))
            {
                Assert.True(profile.Rules.ContainsKey(id), $"{profile.Id} lacks {id}");
            }

            foreach (string id in s_faceRuleIds.Where(i => i is not "face.size" and not "face.position"))
            {
                Assert.NotEmpty(profile.Rule(id).Thresholds);
            }
        }
    }

    [Fact]
    public void No_enabled_rule_lacks_a_threshold_in_any_profile()
    {
        byte[] photo = TestPhotos.Portrait();
        foreach (SpecProfile profile in SpecProfiles.All)
        {
            using PhotoContext context = PhotoContext.Create(photo, TestPhotos.GoodName, profile);
            foreach (IPhotoRule rule in PhotoRules.All.Where(r => profile.Rule(r.Id).Enabled))
            {
                RuleFinding finding = rule.Evaluate(context, profile);
                Assert.DoesNotContain("lacks threshold", finding.Message.En, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_centre_profile_file_can_disable_a_rule_and_downgrade_another()
    {
        string dir = Directory.CreateTempSubdirectory("sc-profile").FullName;
        try
        {
            string path = Path.Combine(dir, "wuxi-sscard.json");
            File.WriteAllText(path, """
                {
                  // a centre's own profile
                  "id": "wuxi-sscard",
                  "basedOn": "suzhou-sscard",
                  "file": { "maxKB": 60 },
                  "rules": {
                    "file.name": { "enabled": false },
                    "sharpness.ghost": { "severity": "warn", "thresholds": { "maxEcho": 0.2 } }
                  }
                }
                """);
            SpecProfile wuxi = SpecProfiles.LoadFile(path);
            Assert.Equal("wuxi-sscard", wuxi.Id);
            Assert.Equal(60.0, wuxi.File.MaxKB);
            Assert.Equal(10.0, wuxi.File.MinKB);
            Assert.False(wuxi.Rule("file.name").Enabled);
            Assert.Equal(RuleSeverity.Warn, wuxi.Rule("sharpness.ghost").Severity);
            Assert.Equal(0.2, wuxi.Rule("sharpness.ghost").Thresholds["maxEcho"]);
            Assert.Equal(179.0, wuxi.Geometry.FaceWidthMin);

            PhotoReport report = new PhotoChecker().Check(TestPhotos.Portrait(image => ImageEdits.Ghost(image, 0, 12)), "nobody.jpg", wuxi);
            Assert.Equal(RuleOutcome.Skip, report.Findings.Single(f => f.Rule == "file.name").Outcome);
            Assert.Equal(RuleOutcome.Warn, report.Findings.Single(f => f.Rule == "sharpness.ghost").Outcome);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void What_a_profile_leaves_out_keeps_its_default()
    {
        SpecProfile profile = SpecProfiles.Parse("""
            {
              "id": "minimal",
              "name": { "zh": "最简", "en": "Minimal" },
              "image": { "width": 358, "height": 441, "dpi": 350 },
              "file": { "maxKB": 40 },
              "geometry": { "faceWidthMin": 179 },
              "rules": {
                "face.count": { "thresholds": { "max": 1 } },
                "pose.yaw": { "severity": "warn" }
              }
            }
            """);

        RuleSettings count = profile.Rule("face.count");
        Assert.Equal((true, RuleSeverity.Fail, 1.0), (count.Enabled, count.Severity, count.Thresholds["max"]));
        Assert.Empty(count.Bands);
        RuleSettings yaw = profile.Rule("pose.yaw");
        Assert.Equal((true, RuleSeverity.Warn), (yaw.Enabled, yaw.Severity));
        Assert.Empty(yaw.Thresholds);
        Assert.Equal((0.5, 3, 8), (profile.Image.DpiTolerance, profile.Image.Components, profile.Image.BitsPerSample));
        Assert.Equal(["jpeg"], profile.Image.Formats);
        Assert.Equal((1024, 40.0), (profile.File.BytesPerKB, profile.File.MaxKB));
        Assert.Equal([".jpg", ".jpeg"], profile.File.Extensions);
        Assert.Equal(("最简", 179.0), (profile.Name.Zh, profile.Geometry.FaceWidthMin));
    }

    [Fact]
    public void Malformed_profile_files_throw_profile_exceptions()
    {
        Assert.Throws<SpecProfileException>(() => SpecProfiles.Parse("{ not json"));
        Assert.Throws<SpecProfileException>(() => SpecProfiles.Parse("""{ "id": "x", "basedOn": "nowhere" }"""));
        Assert.Throws<SpecProfileException>(() => SpecProfiles.Parse("""{ "id": "x", "basedOn": "national-sscard", "file": { "namePattern": "([" } }"""));
        Assert.Throws<SpecProfileException>(() => SpecProfiles.LoadFile("/nonexistent/profile.json"));
    }
}
