namespace SocialCard.Platform.Security;

/// <summary>A face descriptor (128 floats) as the text a sealed column holds: base64 of the little-endian floats.</summary>
public static class FaceDescriptorText
{
    public static string Format(ReadOnlySpan<float> descriptor) =>
        Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(descriptor));

    public static float[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes = Convert.FromBase64String(text);
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(float));
        return values;
    }
}
