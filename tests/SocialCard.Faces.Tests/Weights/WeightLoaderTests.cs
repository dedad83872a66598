using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Faces.Weights;

namespace SocialCard.Faces.Tests.Weights;

/// <summary>The loader accepts the installed weights and rejects missing, truncated, padded or altered files clearly.</summary>
public sealed class WeightLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sc-faces-weights-").FullName;

    public WeightLoaderTests()
    {
        foreach (string file in Directory.GetFiles(TestPaths.ModelsDirectory!))
        {
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Installed_weights_load_with_the_expected_tensors()
    {
        FaceModels models = FaceModels.Load(_dir);
        Assert.Equal(_dir, models.Directory);
        Assert.Equal(5, models.Detector.Separable.Count);
        Assert.Equal(4, models.Landmark68.Blocks.Length);
        Assert.Equal(3, models.Landmark68Tiny.ConvsPerBlock);
        Assert.Equal(7, models.Expression.FcOut);
    }

    [Fact]
    public void Uint8_weights_dequantise_in_double()
    {
        WeightSet set = WeightFileLoader.Load(_dir, "tiny_face_detector_model", ModelChecksums.Embedded);
        byte q = File.ReadAllBytes(Path.Combine(_dir, "tiny_face_detector_model.bin"))[0];
        float expected = (float)((q * 0.009007044399485869) + -1.2069439495311063); // conv0/filters quantization
        Assert.Equal(expected, set.Take("conv0/filters", 3, 3, 3, 16)[0]);
    }

    [Fact]
    public void Expression_biases_stay_raw_float32()
    {
        WeightSet set = WeightFileLoader.Load(_dir, "face_expression_model", ModelChecksums.Embedded);
        float[] bias = set.Take("fc/bias", 7);
        Assert.Contains(bias, b => b != 0f);
        Assert.All(bias, b => Assert.True(float.IsFinite(b)));
    }

    [Fact]
    public void Truncated_bin_fails_its_checksum()
    {
        Truncate("face_landmark_68_model.bin", 1000);
        var e = Assert.Throws<ModelFormatException>(() => FaceModels.Load(_dir));
        Assert.Contains("face_landmark_68_model.bin", e.Message, StringComparison.Ordinal);
        Assert.Contains("altered or incomplete", e.Message, StringComparison.Ordinal);
        Assert.Contains("./setup.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_bin_is_rejected_by_the_structure_check_too()
    {
        Truncate("face_landmark_68_model.bin", 1000);
        var e = Assert.Throws<ModelFormatException>(() => WeightFileLoader.Load(_dir, "face_landmark_68_model", checksums: null));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("fc/", e.Message, StringComparison.Ordinal); // the last weights no longer fit
    }

    [Fact]
    public void Trailing_bytes_are_rejected_by_the_structure_check()
    {
        using (FileStream f = File.Open(Path.Combine(_dir, "tiny_face_detector_model.bin"), FileMode.Append))
        {
            f.Write([1, 2, 3, 4]);
        }

        var e = Assert.Throws<ModelFormatException>(() => WeightFileLoader.Load(_dir, "tiny_face_detector_model", checksums: null));
        Assert.Contains("trailing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Altered_byte_is_rejected()
    {
        string path = Path.Combine(_dir, "tiny_face_detector_model.bin");
        byte[] bytes = File.ReadAllBytes(path);
        bytes[12345] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ModelFormatException>(() => FaceModels.Load(_dir));
        Assert.Contains("tiny_face_detector_model.bin", e.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Altered_manifest_shape_is_rejected_by_the_structure_check()
    {
        string path = Path.Combine(_dir, "face_expression_model-weights_manifest.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("[256,7]", "[256,8]", StringComparison.Ordinal)
            .Replace("[256, 7]", "[256, 8]", StringComparison.Ordinal));
        var e = Assert.ThrowsAny<ModelFormatException>(() => FaceModels.Load(_dir, checksums: null));
        Assert.Contains("face_expression_model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Altered_manifest_fails_its_checksum()
    {
        string path = Path.Combine(_dir, "face_landmark_68_tiny_model-weights_manifest.json");
        File.WriteAllText(path, File.ReadAllText(path) + " ");
        var e = Assert.Throws<ModelFormatException>(() => FaceModels.Load(_dir));
        Assert.Contains("face_landmark_68_tiny_model-weights_manifest.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", e.Message, StringComparison.Ordinal);
        Assert.Contains("./setup.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_bin_is_rejected_with_the_first_weight_named()
    {
        File.WriteAllBytes(Path.Combine(_dir, "face_expression_model.bin"), []);
        var e = Assert.Throws<ModelFormatException>(() => WeightFileLoader.Load(_dir, "face_expression_model", checksums: null));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("face_expression_model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_manifest_names_the_setup_step()
    {
        File.Delete(Path.Combine(_dir, "tiny_face_detector_model-weights_manifest.json"));
        var e = Assert.Throws<ModelFormatException>(() => FaceModels.Load(_dir));
        Assert.Contains("tiny_face_detector_model-weights_manifest.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("./setup.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_names_the_setup_step()
    {
        File.Delete(Path.Combine(_dir, "face_expression_model.bin"));
        var e = Assert.Throws<ModelFormatException>(() => FaceModels.Load(_dir));
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
        Assert.Contains("./setup.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folder_names_the_setup_step()
    {
        var e = Assert.Throws<ModelFormatException>(() => FaceModels.Load(Path.Combine(_dir, "nope")));
        Assert.Contains("./setup.sh", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_checksums_cover_every_file_the_models_use()
    {
        string[] expected =
        [
            "tiny_face_detector_model-weights_manifest.json", "tiny_face_detector_model.bin",
            "face_landmark_68_model-weights_manifest.json", "face_landmark_68_model.bin",
            "face_landmark_68_tiny_model-weights_manifest.json", "face_landmark_68_tiny_model.bin",
            "face_expression_model-weights_manifest.json", "face_expression_model.bin",
            "face_recognition_model-weights_manifest.json", "face_recognition_model.bin",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), ModelChecksums.Embedded.FileNames.Order(StringComparer.Ordinal));
    }

    private void Truncate(string file, int bytes)
    {
        string path = Path.Combine(_dir, file);
        byte[] data = File.ReadAllBytes(path);
        File.WriteAllBytes(path, data[..^bytes]);
    }
}
