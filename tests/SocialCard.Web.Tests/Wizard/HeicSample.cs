using System.Reflection;
using SocialCard.Imaging;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>
/// An HEIC file like a phone camera's, made from a JPEG with Imaging's own libheif encoder. That encoder is internal to
/// SocialCard.Imaging (visible to its own tests only), so it is reached by reflection here.
/// </summary>
public static class HeicSample
{
    public static byte[] FromJpeg(byte[] jpeg)
    {
        Type encoder = typeof(ImageDecoder).Assembly.GetType("SocialCard.Imaging.Formats.Heic.HeicEncoder", throwOnError: true)!;
        var available = (bool)encoder.GetMethod("IsAvailable", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, null)!;
        Assert.True(available, "libheif with an HEVC encoder (setup.sh installs libheif1)");
        using RgbImage image = ImageDecoder.Decode(jpeg);
        MethodInfo encode = encoder.GetMethod("Encode", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(RgbImage), typeof(int)])!;
        return (byte[])encode.Invoke(null, [image, 92])!;
    }
}
