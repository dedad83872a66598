using System.Diagnostics;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Tests.TestUtilities;

namespace SocialCard.Imaging.Tests;

/// <summary>
/// Seeded mutation fuzzing of the inspector and the decoders: truncations, bit flips, byte stomps and random bytes
/// behind each format's magic. The inspector must never throw; a decoder must return pixels or throw
/// <see cref="InvalidImageContentException"/>, nothing else, within the time budget.
/// </summary>
public sealed class FuzzTests
{
    private static readonly ImageDecodeOptions SmallLimit = new() { MaxPixels = 1_000_000 };

    /// <summary>SC_FUZZ_SCALE=N multiplies the case counts for a deeper local run (the default keeps CI under seconds).</summary>
    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("SC_FUZZ_SCALE"), out int s) && s > 0 ? s : 1;

    public static TheoryData<string> Seeds() => ["jpeg", "jpeg-exif", "jpeg-grey", "png-rgb", "png-palette-interlaced", "png-rgba16", "bmp24", "bmp8"];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_inputs_never_escape_as_other_exceptions(string seedName)
    {
        byte[] seed = MakeSeed(seedName);
        var random = new Random(seedName.Length * 7919);
        var clock = Stopwatch.StartNew();
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < 400 * Scale; i++)
        {
            byte[] input = Mutate(seed, random, i);
            if (Check(input, decode: true))
            {
                decoded++;
            }
            else
            {
                refused++;
            }
        }

        // Both outcomes must occur, or the mutations are not reaching the code they are meant to exercise.
        Assert.True(decoded > 10 && refused > 10, $"{seedName}: decoded {decoded}, refused {refused}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8 * Scale), $"{seedName}: {clock.Elapsed}");
    }

    [Fact]
    public void Random_bytes_behind_every_magic_never_escape()
    {
        byte[][] magics =
        [
            [0xFF, 0xD8, 0xFF],
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            [(byte)'B', (byte)'M'],
            [0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', (byte)'c'],
            [],
        ];
        var random = new Random(42);
        foreach (byte[] magic in magics)
        {
            for (int i = 0; i < 300 * Scale; i++)
            {
                byte[] input = new byte[magic.Length + random.Next(0, 300)];
                random.NextBytes(input);
                magic.CopyTo(input, 0);

                // HEIF inputs only go through the managed inspector: libheif is native code that is not ours to fuzz.
                Check(input, decode: magic.Length != 12);
            }
        }
    }

    [Fact]
    public void Mutated_heic_through_the_inspector_never_throws()
    {
        if (!SocialCard.Imaging.Formats.Heic.HeicEncoder.IsAvailable())
        {
            return;
        }

        using RgbImage image = TestImages.Gradient(24, 17);
        byte[] seed = SocialCard.Imaging.Formats.Heic.HeicEncoder.Encode(image, 50);
        var random = new Random(99);
        int sized = 0;
        for (int i = 0; i < 1000 * Scale; i++)
        {
            ContainerInfo info = ContainerInspector.Inspect(Mutate(seed, random, i));
            sized += info.Width == 24 ? 1 : 0;
        }

        Assert.True(sized > 100, $"only {sized} mutants kept their size: the mutations never reach past the header");
    }

    [Fact]
    public void Structured_jpeg_garbage_never_escapes()
    {
        // Random marker soup: valid-looking segment headers with random lengths and payloads.
        var random = new Random(7);
        for (int i = 0; i < 500 * Scale; i++)
        {
            var bytes = new List<byte> { 0xFF, 0xD8 };
            int segments = random.Next(1, 8);
            for (int s = 0; s < segments; s++)
            {
                byte[] markers = [0xC0, 0xC2, 0xC4, 0xDB, 0xDA, 0xE0, 0xE1, 0xDD, 0xD9, 0xD0, 0xFE, 0x00, 0xFF];
                bytes.Add(0xFF);
                bytes.Add(markers[random.Next(markers.Length)]);
                int len = random.Next(0, 40);
                bytes.Add((byte)(len >> 8));
                bytes.Add((byte)len);
                byte[] payload = new byte[random.Next(0, 40)];
                random.NextBytes(payload);
                bytes.AddRange(payload);
            }

            Check([.. bytes], decode: true);
        }
    }

    /// <returns>True when pixels came back, false when the input was refused (or not decoded).</returns>
    private static bool Check(byte[] input, bool decode)
    {
        ContainerInfo info = ContainerInspector.Inspect(input);
        Assert.NotNull(info.Warnings);
        if (!decode)
        {
            return false;
        }

        if (input.Length > 2 && input[0] == 0xFF && input[1] == 0xD8)
        {
            CheckScaledJpeg(input);
        }

        try
        {
            using DecodedImage decoded = ImageDecoder.DecodeWithDiagnostics(input, SmallLimit);
            Assert.True(decoded.Image.Width > 0 && decoded.Image.Height > 0);
            return true;
        }
        catch (InvalidImageContentException)
        {
            return false; // expected outcome for bad bytes
        }
    }

    /// <summary>The scaled JPEG path (1/2, 1/4, 1/8) takes the same damaged bytes with the same contract.</summary>
    private static void CheckScaledJpeg(byte[] input)
    {
        foreach (int denominator in (ReadOnlySpan<int>)[2, 8])
        {
            try
            {
                using RgbImage scaled = JpegDecoder.DecodeScaled(input, denominator, SmallLimit, []);
                Assert.True(scaled.Width > 0 && scaled.Height > 0);
            }
            catch (InvalidImageContentException)
            {
                // expected outcome for bad bytes
            }
        }
    }

    private static byte[] Mutate(byte[] seed, Random random, int i)
    {
        byte[] copy = (byte[])seed.Clone();
        switch (i % 4)
        {
            case 0: // truncate
                return copy.AsSpan(0, random.Next(0, copy.Length)).ToArray();
            case 1: // flip a few bits, biased to the headers
                for (int k = random.Next(1, 6); k > 0; k--)
                {
                    int at = random.Next(2) == 0 ? random.Next(Math.Min(copy.Length, 200)) : random.Next(copy.Length);
                    copy[at] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 2: // stomp bytes with 0x00 / 0xFF / random
                for (int k = random.Next(1, 4); k > 0; k--)
                {
                    int at = random.Next(copy.Length);
                    copy[at] = (random.Next(3)) switch { 0 => 0, 1 => 0xFF, _ => (byte)random.Next(256) };
                }

                return copy;
            default: // splice: a range duplicated or removed
                int start = random.Next(copy.Length);
                int length = random.Next(0, Math.Min(64, copy.Length - start));
                return random.Next(2) == 0
                    ? [.. copy.AsSpan(0, start), .. copy.AsSpan(start + length)]
                    : [.. copy.AsSpan(0, start + length), .. copy.AsSpan(start)];
        }
    }

    private static byte[] MakeSeed(string name)
    {
        using RgbImage image = TestImages.Gradient(24, 17);
        int[] rgb = image.Pixels.ToArray().Select(b => (int)b).ToArray();
        switch (name)
        {
            case "jpeg":
                return JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 80 });
            case "jpeg-exif":
                return JpegSegments.Insert(JpegEncoder.Encode(image), JpegSegments.ExifApp1(6, resolution: (300, 1)));
            case "jpeg-grey":
                return JpegEncoder.Encode(image, new JpegEncoderOptions { Grayscale = true });
            case "png-rgb":
                return new PngTestWriter { Width = 24, Height = 17, ColorType = 2, BitDepth = 8, Samples = rgb, IdatChunkSize = 100 }.Write();
            case "png-palette-interlaced":
                {
                    int[] indexes = new int[24 * 17];
                    for (int i = 0; i < indexes.Length; i++)
                    {
                        indexes[i] = i % 16;
                    }

                    byte[] palette = new byte[16 * 3];
                    new Random(1).NextBytes(palette);
                    return new PngTestWriter { Width = 24, Height = 17, ColorType = 3, BitDepth = 4, Samples = indexes, Palette = palette, Transparency = [10, 200], Interlaced = true }.Write();
                }

            case "png-rgba16":
                {
                    int[] samples = new int[24 * 17 * 4];
                    var random = new Random(2);
                    for (int i = 0; i < samples.Length; i++)
                    {
                        samples[i] = random.Next(65536);
                    }

                    return new PngTestWriter { Width = 24, Height = 17, ColorType = 6, BitDepth = 16, Samples = samples }.Write();
                }

            case "bmp24":
                return BmpTestWriter.Write24(image, topDown: false);
            default:
                {
                    byte[] palette = new byte[256 * 3];
                    new Random(3).NextBytes(palette);
                    byte[] indexes = new byte[24 * 17];
                    new Random(4).NextBytes(indexes);
                    return BmpTestWriter.Write8(24, 17, indexes, palette, topDown: true);
                }
        }
    }
}
