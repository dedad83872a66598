using System.Drawing;
using SocialCard.Imaging;
using SocialCard.Photos.Fixes.Segmentation;
using Xunit;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// The flag's red mixed into light hair (<see cref="WallBetweenStrands.Recolour"/>) on a drawn scene, 120x100: the
/// person (solid) left of column 70, the clear wall right of it. The person is strands, six columns repeating: the red
/// mixed into blonde (half way in chromaticity), blonde, blonde, the mix, a golden strand in shade (red over its green
/// and blue by 25, of a chromaticity near the blonde's) and blonde; across them, from column 40 to the wall, rows 22-26
/// are fair skin and rows 27-31 red-lit skin, both on the line in RGB from the blonde to the red and a quarter or a third
/// of the way in chromaticity. The face's landmarks lie far off (no jaw or neck near).
/// </summary>
public sealed class LightHairMixTests
{
    private const int W = 120, H = 100, Edge = 70, SkinTop = 22, LitSkinTop = 27, SkinEnd = 32, SkinLeft = 40;

    private static readonly byte[] s_blonde = [220, 200, 170];
    private static readonly byte[] s_mix = [185, 99, 90];
    private static readonly byte[] s_shade = [120, 95, 60];
    private static readonly byte[] s_skin = [225, 170, 150];
    private static readonly byte[] s_litSkin = [210, 140, 125];
    private static readonly byte[] s_litRed = [180, 50, 60];
    private static readonly byte[] s_darkRed = [120, 20, 25];

    [Fact]
    public void The_red_mixed_into_blonde_strands_beside_a_lit_red_takes_the_blondes_colour()
    {
        using RgbImage result = Recolour(s_litRed, s_mix);
        for (int y = 0; y < H; y++)
        {
            if (y >= SkinTop && y < SkinEnd)
            {
                continue;
            }

            // Within 16 px of the clear wall the mix is blonde; farther in it is not judged.
            for (int x = Edge - 16; x < Edge; x++)
            {
                Assert.Equal(x % 6 == 4 ? s_shade : s_blonde, Pixel(result, x, y));
            }

            Assert.Equal(s_mix, Pixel(result, 3, y));
        }
    }

    [Fact]
    public void Skin_beside_the_red_and_golden_strands_in_shade_keep_their_colour()
    {
        using RgbImage result = Recolour(s_litRed, s_mix);
        for (int y = SkinTop; y < SkinEnd; y++)
        {
            for (int x = SkinLeft; x < Edge; x++)
            {
                Assert.Equal(y < LitSkinTop ? s_skin : s_litSkin, Pixel(result, x, y));
            }
        }

        for (int y = 0; y < H; y += 7)
        {
            for (int x = Edge - 16 + 4 - ((Edge - 16) % 6); x < Edge; x += 6)
            {
                if (y < SkinTop || y >= SkinEnd)
                {
                    Assert.Equal(s_shade, Pixel(result, x, y));
                }
            }
        }
    }

    /// <summary>Beside a dark red wall the mix of the hair's shade and the red keeps no light hair's colour to give
    /// back: it stays (painted, it showed as flat light flecks among the red left at the hair's ends).</summary>
    [Fact]
    public void Beside_a_red_in_shade_the_mix_stays()
    {
        byte[] mix = [140, 50, 45];
        using RgbImage result = Recolour(s_darkRed, mix);
        for (int x = Edge - 16; x < Edge; x++)
        {
            if (x % 3 == 0)
            {
                Assert.Equal(mix, Pixel(result, x, 10));
            }
        }
    }

    private static RgbImage Recolour(byte[] wallRed, byte[] mix)
    {
        using var image = new RgbImage(W, H);
        byte[] valid = new byte[W * H], wall = new byte[W * H];
        float[] alpha = new float[W * H];
        Span<byte> px = image.Pixels;
        for (int y = 0; y < H; y++)
        {
            for (int x = 0; x < W; x++)
            {
                int i = (y * W) + x;
                valid[i] = 1;
                wall[i] = 1;
                alpha[i] = x < Edge ? 1f : 0f;
                byte[] colour = x >= Edge ? wallRed
                    : x >= SkinLeft && y >= SkinTop && y < SkinEnd ? (y < LitSkinTop ? s_skin : s_litSkin)
                    : x % 3 == 0 ? mix : x % 6 == 4 ? s_shade : s_blonde;
                colour.CopyTo(px.Slice(i * 3, 3));
            }
        }

        PointF[] landmarks = [.. Enumerable.Repeat(new PointF(115, 95), 68)];
        RgbImage foreground = image.Clone();
        WallBetweenStrands.Recolour(image, valid, wall, alpha, foreground, landmarks);
        return foreground;
    }

    private static byte[] Pixel(RgbImage image, int x, int y) => image.Row(y).Slice(x * 3, 3).ToArray();
}
