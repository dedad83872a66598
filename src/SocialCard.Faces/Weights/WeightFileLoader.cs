using System.Buffers.Binary;

namespace SocialCard.Faces.Weights;

/// <summary>
/// Reads one tfjs model (<c>&lt;model&gt;-weights_manifest.json</c> + its bin files) into named float32 tensors.
/// The bin is the group's <c>paths</c> joined in order; weights lie back to back in manifest order with no alignment;
/// uint8 values dequantise as <c>(float)(q * scale + min)</c> computed in double, float16 values widen exactly,
/// float32 and int32 values are little-endian (int32 constants of a graph model, such as resize sizes, become floats).
/// </summary>
internal static class WeightFileLoader
{
    public static WeightSet Load(string directory, string modelName, ModelChecksums? checksums)
    {
        string manifestName = modelName + "-weights_manifest.json";
        byte[] manifestBytes = ReadFile(directory, manifestName, checksums);
        WeightManifest manifest = WeightManifest.Parse(System.Text.Encoding.UTF8.GetString(manifestBytes), manifestName);
        return Load(directory, modelName, manifest, checksums);
    }

    /// <summary>The weights of a tfjs graph model whose manifest is embedded in its model JSON.</summary>
    public static WeightSet Load(string directory, string modelName, WeightManifest manifest, ModelChecksums? checksums)
    {
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
        if (spec.Dtype is not ("float32" or "int32"))
        {
            ModelThrowHelper.ThrowModelFormat($"Model {modelName}: weight {spec.Name} has dtype {spec.Dtype}, expected float32 or int32.");
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

        string storage = spec.Quantization?.Dtype ?? spec.Dtype;
        if (storage is not ("uint8" or "float16" or "float32" or "int32") || (spec.Dtype == "int32" && storage != "int32"))
        {
            ModelThrowHelper.ThrowModelFormat(
                $"Model {modelName}: weight {spec.Name} is stored as {storage}; only uint8 and float16 quantisation is supported.");
        }

        int width = storage switch { "uint8" => 1, "float16" => 2, _ => 4 };
        long bytes = count * width;
        if (offset + bytes > bin.Length)
        {
            ModelThrowHelper.ThrowModelFormat(
                $"Model {modelName}: bin is truncated ({bin.Length} bytes) -- weight {spec.Name} needs bytes {offset}..{offset + bytes}.");
        }

        var data = new float[count];
        ReadOnlySpan<byte> src = bin.AsSpan(offset, (int)bytes);
        if (storage == "float16")
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(src.Slice(i * 2, 2));
            }
        }
        else if (storage == "int32")
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = BinaryPrimitives.ReadInt32LittleEndian(src.Slice(i * 4, 4));
            }
        }
        else if (storage == "uint8")
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
