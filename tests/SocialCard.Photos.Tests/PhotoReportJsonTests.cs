using System.Text.Json;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests;

public sealed class PhotoReportJsonTests
{
    [Fact]
    public void Writes_the_documented_shape()
    {
        var checker = new PhotoChecker();
        PhotoReport good = checker.Check(TestPhotos.Portrait(), TestPhotos.GoodName, TestPhotos.Suzhou);
        PhotoReport bad = checker.Check([1, 2, 3], "x.jpg", TestPhotos.Suzhou);
        string json = PhotoReportJson.Serialize("suzhou-sscard", [good, bad]);

        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        Assert.Equal("suzhou-sscard", root.GetProperty("profile").GetString());
        JsonElement photos = root.GetProperty("photos");
        Assert.Equal(2, photos.GetArrayLength());
        JsonElement first = photos[0];
        Assert.Equal(TestPhotos.GoodName, first.GetProperty("file").GetString());
        Assert.Contains(first.GetProperty("verdict").GetString(), new[] { "pass", "warn", "fail" });
        Assert.Equal("error", photos[1].GetProperty("verdict").GetString());
        foreach (JsonElement finding in first.GetProperty("findings").EnumerateArray())
        {
            Assert.Equal(["rule", "outcome", "value", "limit", "message"], finding.EnumerateObject().Select(p => p.Name));
            Assert.Contains(finding.GetProperty("outcome").GetString(), new[] { "pass", "warn", "fail", "skip" });
            Assert.Contains(finding.GetProperty("value").ValueKind, new[] { JsonValueKind.Number, JsonValueKind.String, JsonValueKind.Null });
            Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetProperty("zh").GetString()));
            Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetProperty("en").GetString()));
        }

        Assert.Contains("背景", json, StringComparison.Ordinal);
        JsonElement size = first.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "file.size");
        Assert.Equal(JsonValueKind.Number, size.GetProperty("value").ValueKind);
    }
}
