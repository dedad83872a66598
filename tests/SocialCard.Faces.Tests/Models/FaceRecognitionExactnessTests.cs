using System.IO.Compression;
using System.Text.Json;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;
using Xunit.Abstractions;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// Our face recognition forward pass against face-api 1.7.15's <c>computeFaceDescriptor</c> on tfjs' cpu backend
/// (fixtures from tools/face-reference/make-descriptor-fixtures.js), on the very same 150x150 input bytes: every
/// descriptor value within 1e-3, on the vector kernels and on the scalar reference path.
/// </summary>
[Collection(KernelSwitchCollection.Name)]
public sealed class FaceRecognitionExactnessTests(ITestOutputHelper output)
{
    private const double DescriptorTolerance = 1e-3;
    private static readonly Lazy<FaceRecognitionModel> s_model = new(() => FaceRecognitionModel.Load(TestPaths.ModelsDirectory));

    private static string Data => Path.Combine(TestPaths.RepoRoot, "tests", "SocialCard.Faces.Tests", "Data", "FaceRecognitionReference");

    public static TheoryData<string> Photos()
    {
        var data = new TheoryData<string>();
        foreach (string name in Names())
        {
            data.Add(name);
        }

        return data;
    }

    private static string[] Names() => [.. Index().GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Photos))]
    public void Descriptor_matches_face_api(string name)
    {
        (RgbImage image, float[] expected) = Load(name);
        using (image)
        {
            using var describer = new FaceDescriber(s_model.Value);
            float[] actual = describer.Describe(image, 0, 0, image.Width, image.Height);
            double worst = Worst(expected, actual);
            output.WriteLine($"{name}: max |diff| {worst:E2}");
            Assert.True(worst <= DescriptorTolerance, $"{name}: max |diff| {worst}");
        }
    }

    [Fact]
    public void The_scalar_reference_path_gives_the_same_descriptor()
    {
        string name = Names()[0];
        (RgbImage image, float[] expected) = Load(name);
        using (image)
        {
            bool gemm = Gemm.UseVectors, conv = Conv2d.UseVectors;
            try
            {
                Gemm.UseVectors = false;
                Conv2d.UseVectors = false;
                using var describer = new FaceDescriber(s_model.Value);
            float[] actual = describer.Describe(image, 0, 0, image.Width, image.Height);
                Assert.True(Worst(expected, actual) <= DescriptorTolerance);
            }
            finally
            {
                Gemm.UseVectors = gemm;
                Conv2d.UseVectors = conv;
            }
        }
    }

    [Fact]
    public void Two_photos_of_one_person_lie_closer_than_photos_of_different_people()
    {
        using var describer = new FaceDescriber(s_model.Value);
        var descriptors = Names().ToDictionary(n => n, n =>
        {
            (RgbImage image, _) = Load(n);
            using (image)
            {
                return describer.Describe(image, 0, 0, image.Width, image.Height);
            }
        });

        // devset 0458430542 is an edited copy of frl_london_013.
        double same = FaceDescriber.Distance(descriptors["frl_london_013"], descriptors["devset_0458430542"]);
        double different = FaceDescriber.Distance(descriptors["voteview_020501"], descriptors["voteview_021178"]);
        Assert.True(same < 0.3 && different > 0.6, $"same {same}, different {different}");
    }

    private static double Worst(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
        }

        return worst;
    }

    private static JsonElement Index() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Data, "index.json"))).RootElement.Clone();

    private static (RgbImage Image, float[] Descriptor) Load(string name)
    {
        JsonElement photo = Index().GetProperty("photos").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
        const int size = 150;
        using FileStream file = File.OpenRead(Path.Combine(Data, photo.GetProperty("rgb").GetString()!));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        gzip.CopyTo(raw);
        byte[] data = raw.ToArray();
        Assert.Equal(size * size * 3, data.Length);
        for (int y = 0; y < size; y++)
        {
            for (int i = 3; i < size * 3; i++)
            {
                data[(y * size * 3) + i] = unchecked((byte)(data[(y * size * 3) + i] + data[(y * size * 3) + i - 3]));
            }
        }

        return (RgbImage.FromRgb(data, size, size), ReferenceFixture.Floats(photo.GetProperty("descriptor")));
    }
}
