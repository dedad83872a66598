using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using SocialCard.Imaging;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Packaging;
using SocialCard.Photos.Tests.Fixes.Support;

namespace SocialCard.Photos.Tests.Fixes.Packaging;

public sealed class UnitPackageBuilderTests
{
    private const string Unit = "U3205001";

    /// <summary>A photo that passes the image rules: a fixed devset original (neutral expression; voteview_021705, used
    /// before, smiles in its original and is now refused by the fix).</summary>
    private static readonly Lazy<byte[]> s_good = new(() =>
    {
        FixResult r = FixTestData.Fixer(new FixOptions { Recheck = false }).Fix(FixTestData.Original("frl_london_013"), "a.jpg", FixTestData.Suzhou);
        return r.Jpeg ?? throw new InvalidOperationException("fix refused: " + r.Refusal);
    });

    [Fact]
    public void GoodPhoto_PassesTheImageRules() =>
        Assert.Empty(new PhotoChecker().Check(s_good.Value, "3205000001.jpg", FixTestData.Suzhou).Failures);

    /// <summary>A photo that fails: 100x100 px.</summary>
    private static readonly Lazy<byte[]> s_bad = new(() =>
    {
        using var small = new RgbImage(100, 100);
        small.Pixels.Fill(128);
        return ImageEdits.Jpeg(small);
    });

    // No face engine: the package check runs the image rules only, which keeps 120-photo runs fast.
    private static UnitPackageBuilder Builder() => new(new PhotoChecker(), FixTestData.Suzhou);

    private static List<PackagePhoto> Good(int count, long first = 3_205_000_001) =>
        [.. Enumerable.Range(0, count).Select(i => new PackagePhoto((first + i).ToString(CultureInfo.InvariantCulture) + ".jpg", s_good.Value))];

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 2)]
    [InlineData(120, 3)]
    public void SplitsIntoZipsOfAtMost50(int photos, int zips)
    {
        UnitPackage package = Builder().Build(Good(photos), Unit);
        Assert.Equal(zips, package.Zips.Count);
        Assert.Equal(photos, package.PackedCount);
        Assert.Empty(package.Failures);
        Assert.All(package.Zips, z => Assert.InRange(z.Entries.Count, 1, UnitPackageBuilder.MaxPhotosPerZip));
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (UnitPackageZip zip in package.Zips)
        {
            using var archive = new ZipArchive(new MemoryStream(zip.Data), ZipArchiveMode.Read);
            foreach (ZipArchiveEntry e in archive.Entries)
            {
                Assert.Matches($"^{Unit}/[0-9]{{10}}\\.jpg$", e.FullName);
                Assert.True(all.Add(e.FullName));
                using var s = new MemoryStream();
                e.Open().CopyTo(s);
                Assert.Equal(s_good.Value, s.ToArray());
            }
        }

        Assert.Equal(photos, all.Count);
    }

    [Fact]
    public void MixedPassingAndFailing_OnlyPassingPacked_FailuresInCsv()
    {
        List<PackagePhoto> photos = Good(5);
        photos.Add(new PackagePhoto("3205009991.jpg", s_bad.Value));
        photos.Add(new PackagePhoto("3205009992.jpg", [1, 2, 3, 4]));
        UnitPackage package = Builder().Build(photos, Unit);
        Assert.Equal(5, package.PackedCount);
        Assert.Equal(2, package.Failures.Count);
        Assert.Contains(package.Failures, f => f.Name == "3205009991.jpg" && f.Code.Contains("image.dimensions", StringComparison.Ordinal));
        Assert.DoesNotContain(package.Zips.SelectMany(z => z.Entries), e => e.Contains("320500999", StringComparison.Ordinal));
        string[] csv = package.FailureCsv.TrimEnd('\n').Split('\n');
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("file,code,reason_zh,reason_en", csv[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456789.jpg")]
    [InlineData("12345678901.jpg")]
    [InlineData("32050000ab.jpg")]
    [InlineData("张三.jpg")]
    [InlineData("３２０５０００００１.jpg")] // full-width digits are not ASCII digits
    public void NamesThatAreNot10Digits_Refused(string name)
    {
        UnitPackage package = Builder().Build([new PackagePhoto(name, s_good.Value)], Unit);
        Assert.Empty(package.Zips);
        PackageFailure f = Assert.Single(package.Failures);
        Assert.Equal("name.not-10-digits", f.Code);
        Assert.Contains("10", f.Reason.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateNumber_SecondRefused()
    {
        UnitPackage package = Builder().Build([new PackagePhoto("3205000001.jpg", s_good.Value), new PackagePhoto("3205000001.JPG", s_good.Value)], Unit);
        Assert.Equal(1, package.PackedCount);
        Assert.Equal("name.duplicate", Assert.Single(package.Failures).Code);
    }

    [Fact]
    public void WrittenZip_ListsWithUnzipAndDotNet()
    {
        UnitPackage package = Builder().Build([.. Good(51), new PackagePhoto("bad.jpg", s_good.Value)], Unit);
        string dir = Path.Combine(Path.GetTempPath(), "sc-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            IReadOnlyList<string> written = package.WriteTo(dir);
            Assert.Equal(3, written.Count);
            Assert.True(File.Exists(Path.Combine(dir, $"{Unit}-failures.csv")));
            string first = Path.Combine(dir, $"{Unit}-001.zip");
            using (ZipArchive z = ZipFile.OpenRead(first))
            {
                Assert.Equal(50, z.Entries.Count);
                Assert.Equal($"{Unit}/3205000001.jpg", z.Entries[0].FullName);
            }

            var psi = new ProcessStartInfo("unzip", ["-l", first]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using Process p = Process.Start(psi)!;
            string listing = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            Assert.Contains($"{Unit}/3205000001.jpg", listing, StringComparison.Ordinal);
            Assert.Contains($"{Unit}/3205000050.jpg", listing, StringComparison.Ordinal);
            Assert.Contains("50 files", listing, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("a/b")]
    public void BadUnitCode_Throws(string unit) =>
        Assert.Throws<ArgumentException>(() => Builder().Build([], unit));
}
