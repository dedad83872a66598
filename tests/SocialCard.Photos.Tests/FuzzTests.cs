using System.Diagnostics;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests;

/// <summary>
/// Damaged input never escapes as an exception or a hang: truncations, bit flips, byte splices and random bytes derived
/// from devset photos all come back as a report (verdict error, or findings).
/// </summary>
public sealed class FuzzTests
{
    /// <summary>SC_FUZZ_SCALE=N multiplies the cases for a deeper local run (<c>bench/fuzz.sh</c>).</summary>
    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("SC_FUZZ_SCALE"), out int s) && s > 0 ? s : 1;

    [Fact]
    public void Damaged_inputs_give_reports_not_exceptions()
    {
        string images = Path.Combine(TestPhotos.DevsetDirectory, "images");
        string[] seeds = [.. Directory.GetFiles(images, "*.jpg").Order(StringComparer.Ordinal).Where((_, i) => i % 60 == 0)];
        Assert.NotEmpty(seeds);
        SpecProfile profile = SpecProfiles.Get(SpecProfiles.Suzhou);
        var checker = new PhotoChecker();
        var random = new Random(20261123);
        var watch = Stopwatch.StartNew();
        int cases = 0, errors = 0;
        foreach (string seed in seeds)
        {
            byte[] original = File.ReadAllBytes(seed);
            for (int i = 0; i < 400 * Scale; i++)
            {
                byte[] data = Mutate(original, random, i % 5);
                PhotoReport report = checker.Check(data, Path.GetFileName(seed), profile);
                Assert.NotEmpty(report.Findings);
                Assert.True(report.Verdict == PhotoVerdict.Error || report.Findings.All(f => f.Message.Zh.Length > 0));
                errors += report.Verdict == PhotoVerdict.Error ? 1 : 0;
                cases++;
            }
        }

        Assert.True(cases >= 2000, $"{cases} cases");
        Assert.True(errors > 0);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(5 * Scale), $"fuzz took {watch.Elapsed}");
    }

    private static byte[] Mutate(byte[] original, Random random, int kind)
    {
        switch (kind)
        {
            case 0:
                return original.AsSpan(0, random.Next(0, original.Length)).ToArray();
            case 1:
            {
                byte[] data = (byte[])original.Clone();
                int flips = random.Next(1, 40);
                for (int k = 0; k < flips; k++)
                {
                    int at = random.Next(data.Length);
                    data[at] ^= (byte)(1 << random.Next(8));
                }

                return data;
            }

            case 2:
            {
                // Corrupt the header area (markers, segment lengths, SOF dimensions) hardest.
                byte[] data = (byte[])original.Clone();
                for (int k = 0; k < 8; k++)
                {
                    data[random.Next(Math.Min(data.Length, 700))] = (byte)random.Next(256);
                }

                return data;
            }

            case 3:
            {
                byte[] data = new byte[random.Next(0, 4096)];
                random.NextBytes(data);
                if (data.Length > 3 && random.Next(2) == 0)
                {
                    data[0] = 0xFF;
                    data[1] = 0xD8;
                    data[2] = 0xFF;
                }

                return data;
            }

            default:
            {
                // Splice: a random chunk of the file repeated or dropped.
                int a = random.Next(original.Length), b = random.Next(original.Length);
                (a, b) = (Math.Min(a, b), Math.Max(a, b));
                return random.Next(2) == 0
                    ? [.. original.AsSpan(0, a), .. original.AsSpan(b)]
                    : [.. original.AsSpan(0, b), .. original.AsSpan(a)];
            }
        }
    }
}
