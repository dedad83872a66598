using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SocialCard.Imaging;
using SocialCard.Photos.Analysis;

namespace SocialCard.Photos.Tests.Rules.Color;

/// <summary>
/// The colour rules' Lab means: the AVX2 companding and zone sums equal the scalar reference bit for bit, over dark
/// (linear segment), mid (table) and white (cube root above 1) colours, and zones whose sample rows end in a tail.
/// </summary>
public sealed class LabKernelTests
{
    [Fact]
    public void Vector_companding_equals_the_scalar_form()
    {
        if (!Avx2.IsSupported)
        {
            Assert.Throws<NotSupportedException>(() => Lab.F(Vector256<float>.Zero));
            return;
        }

        var random = new Random(5);
        float[] t = [0f, 1e-6f, 0.008856452f, 0.00885646f, 0.5f, 0.99999994f, 1f, 1.0000001f, 1.2f, .. Enumerable.Range(0, 4000).Select(_ => (float)(random.NextDouble() * 1.1))];
        for (int i = 0; i + 8 <= t.Length; i += 8)
        {
            Vector256<float> actual = Lab.F(Vector256.Create<float>(t.AsSpan(i, 8)));
            for (int k = 0; k < 8; k++)
            {
                Assert.Equal(Lab.F(t[i + k]), actual.GetElement(k));
            }
        }
    }

    [Theory]
    [InlineData(358, 441, 90, 120, 180, 210)]
    [InlineData(358, 441, 0, 0, 358, 441)]
    [InlineData(100, 50, 3, 5, 25, 7)]
    [InlineData(100, 50, 10, 10, 22, 3)]
    [InlineData(40, 40, 1, 1, 2, 2)]
    public void Avx2_zone_sums_equal_the_scalar_reference(int width, int height, int zx, int zy, int zw, int zh)
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        var random = new Random(width + zw);
        using var image = new RgbImage(width, height);
        Span<byte> pixels = image.Pixels;
        for (int i = 0; i < pixels.Length; i += 3)
        {
            int kind = random.Next(4);
            (pixels[i], pixels[i + 1], pixels[i + 2]) = kind switch
            {
                0 => ((byte)255, (byte)255, (byte)255),
                1 => ((byte)random.Next(6), (byte)random.Next(6), (byte)random.Next(6)),
                _ => ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)),
            };
        }

        var zone = new PixelRect(zx, zy, zw, zh);
        Assert.Equal(ZoneStats.LabSumsScalar(image, zone), ZoneStats.LabSumsAvx2(image, zone));
    }
}
