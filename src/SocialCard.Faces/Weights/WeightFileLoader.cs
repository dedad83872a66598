using System.Buffers.Binary;

namespace SocialCard.Faces.Weights;

/// <summary>
/// Reads one tfjs model (<c>&lt;model&gt;-weights_manifest.json</c> + its bin files) into named float32 tensors.
/// The bin is the group's <c>paths</c> joined in order; weights lie back to back in manifest order with no alignment;
/// uint8 values dequantise as <c>(float)(q * scale + min)</c> computed in double, float32 values are little-endian.
/// </summary>
internal static class WeightFileLoader
{
    public static WeightSet Load(string directory, string modelName, ModelChecksums? checksums)
    {
        string manifestName = modelName + "-weights_manifest.json";
        byte[] manifestBytes = ReadFile(directory, manifestName, checksums);
        WeightManifest manifest = WeightManifest.Parse(System.Text.Encoding.UTF8.GetString(manifestBytes), manifestName);

        var tensors = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        foreach (WeightManifestGroup group in manifest.Groups)
        {
            byte[] bin = ReadGroup(directory, group.Paths!, checksums);
            int offset = 0;
            foreach (WeightSpec spec in group.Weights!)
            {
                WeightTensor tensor = Decode(spec, bin, ref offset, modelName);
                if (!tensors.TryAdd(spec.Name, tensor))
                {
                    ModelThrowHelper.ThrowModelFormat($"Model {modelName} lists weight {spec.Name} twice.");
                }
            }

            if (offset != bin.Length)
            {
                ModelThrowHelper.ThrowModelFormat(
                    $"Model {modelName}: bin has {bin.Length} bytes but the manifest describes {offset} (trailing data).");
            }
        }

        return new WeightSet(modelName, tensors);
    }

    private static WeightTensor Decode(WeightSpec spec, byte[] bin, ref int offset, string modelName)
    {
        if (spec.Dtype != "float32")
        {
            ModelThrowHelper.ThrowModelFormat($"Model {modelName}: weight {spec.Name} has dtype {spec.Dtype}, expected float32.");
        }

        long count = 1;
        foreach (int d in spec.Shape)
        {
            if (d <= 0)
            {
                ModelThrowHelper.ThrowModelFormat($"Model {modelName}: weight {spec.Name} has a bad shape.");
            }

            count *= d;
        }

        bool quantised = spec.Quantization is not null;
        if (quantised && spec.Quantization!.Dtype != "uint8")
        {
            ModelThrowHelper.ThrowModelFormat(
                $"Model {modelName}: weight {spec.Name} is quantised as {spec.Quantization.Dtype}; only uint8 is supported.");
        }

        long bytes = count * (quantised ? 1 : 4);
        if (offset + bytes > bin.Length)
        {
            ModelThrowHelper.ThrowModelFormat(
                $"Model {modelName}: bin is truncated ({bin.Length} bytes) -- weight {spec.Name} needs bytes {offset}..{offset + bytes}.");
        }

        var data = new float[count];
        ReadOnlySpan<byte> src = bin.AsSpan(offset, (int)bytes);
        if (quantised)
        {
            double scale = spec.Quantization!.Scale;
            double min = spec.Quantization.Min;
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (float)((src[i] * scale) + min);
            }
        }
        else
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = BinaryPrimitives.ReadSingleLittleEndian(src.Slice(i * 4, 4));
            }
        }

        offset += (int)bytes;
        return new WeightTensor(spec.Name, spec.Shape, data);
    }

    private static byte[] ReadGroup(string directory, string[] paths, ModelChecksums? checksums)
    {
        if (paths.Length == 1)
        {
            return ReadFile(directory, paths[0], checksums);
        }

        using var joined = new MemoryStream();
        foreach (string path in paths)
        {
            joined.Write(ReadFile(directory, path, checksums));
        }

        return joined.ToArray();
    }

    private static byte[] ReadFile(string directory, string fileName, ModelChecksums? checksums)
    {
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal))
        {
            ModelThrowHelper.ThrowModelFormat($"Weight file name {fileName} must not contain a folder.");
        }

        string path = Path.Combine(directory, fileName);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            ModelThrowHelper.ThrowModelFormat($"Weight file {path} is missing.", e);
            return null!;
        }
        catch (IOException e)
        {
            ModelThrowHelper.ThrowModelFormat($"Weight file {path} cannot be read: {e.Message}.", e);
            return null!;
        }

        checksums?.Verify(fileName, bytes);
        return bytes;
    }
}
