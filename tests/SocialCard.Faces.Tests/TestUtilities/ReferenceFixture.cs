using System.IO.Compression;
using System.Text.Json;
using SocialCard.Imaging;

namespace SocialCard.Faces.Tests.TestUtilities;

/// <summary>
/// One photo's face-api reference outputs (written by tools/face-reference/make-fixtures.js) and its pixels
/// (jpeg-js decode, stored Sub-filtered + gzip so both sides see identical RGB).
/// </summary>
internal sealed class ReferenceFixture
{
    private ReferenceFixture(string name, JsonElement root)
    {
        Name = name;
        Root = root;
        Width = root.GetProperty("width").GetInt32();
        Height = root.GetProperty("height").GetInt32();
    }

    public string Name { get; }

    public JsonElement Root { get; }

    public int Width { get; }

    public int Height { get; }

    public static IEnumerable<string> Names()
    {
        using JsonDocument index = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.ReferenceData, "index.json")));
        return index.RootElement.GetProperty("photos").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    public static ReferenceFixture Load(string name)
    {
        string json = File.ReadAllText(Path.Combine(TestPaths.ReferenceData, name + ".json"));
        return new ReferenceFixture(name, JsonDocument.Parse(json).RootElement.Clone());
    }

    public RgbImage LoadImage()
    {
        using FileStream file = File.OpenRead(Path.Combine(TestPaths.ReferenceData, Root.GetProperty("rgb").GetString()!));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        gzip.CopyTo(raw);
        byte[] data = raw.ToArray();
        int stride = Width * 3;
        Assert.Equal(stride * Height, data.Length);
        for (int y = 0; y < Height; y++)
        {
            int row = y * stride;
            for (int i = 3; i < stride; i++)
            {
                data[row + i] = unchecked((byte)(data[row + i] + data[row + i - 3]));
            }
        }

        return RgbImage.FromRgb(data, Width, Height);
    }

    public IEnumerable<JsonElement> Runs() => Root.GetProperty("runs").EnumerateArray();

    public JsonElement Run(int inputSize) => Runs().Single(r => r.GetProperty("inputSize").GetInt32() == inputSize);

    public static float[] Floats(JsonElement array) => array.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
}
