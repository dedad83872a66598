using System.Runtime.CompilerServices;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Tests.Batches;

/// <summary>One photo offered for several people in a package is refused for each of them, with the others named.</summary>
public sealed class IdenticalPhotoTests
{
    private const string Unit = "325001";

    [Fact]
    public void The_same_devset_photo_under_two_numbers_is_refused_for_both_and_a_different_photo_passes()
    {
        string[] files = [.. Directory.GetFiles(Path.Combine(DevsetDirectory(), "images"), "*.jpg").Order(StringComparer.Ordinal).Take(2)];
        byte[] one = File.ReadAllBytes(files[0]);
        byte[] other = File.ReadAllBytes(files[1]);
        byte[] zip = new TestZip()
            .Add(Unit + "/0100100001.jpg", one)
            .Add(Unit + "/0100100002.jpg", (byte[])one.Clone())
            .Add(Unit + "/0100100003.jpg", other)
            .Build();

        BatchIntakeResult result = new UnitPackageIntake().Read(zip, Unit);

        Assert.False(result.IsPackageRefused);
        Assert.Equal(["0100100003"], result.Accepted.Select(a => a.PersonalNumber));
        Assert.Equal(2, result.EntryRefusals.Count());
        Assert.All(result.EntryRefusals, r => Assert.Equal(BatchRefusalCode.IdenticalPhoto, r.Code));
        BatchRefusal first = result.EntryRefusals.Single(r => r.EntryName == Unit + "/0100100001.jpg");
        Assert.Contains("0100100002.jpg", first.MessageZh, StringComparison.Ordinal);
        Assert.Contains("同一张照片", first.MessageZh, StringComparison.Ordinal);
        Assert.Contains("identical file", first.MessageEn, StringComparison.Ordinal);
    }

    private static string DevsetDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "..", "shared", "photos", "devset"));
}
