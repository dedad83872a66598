using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Profiles;

namespace SocialCard.Benchmarks.Fixes;

/// <summary>
/// <c>-- fix-hashes [limit]</c>: one line per photo (devset and busy-dev originals, and 12 MP versions of the first
/// few devset originals) with a hash of every fix output — the JPEG, the output pixels, the alpha matte, the person
/// mask and each step's outcome — so that a change meant to be exact is checked by diffing two runs' output.
/// </summary>
internal static class FixHashes
{
    private const int TwelveMegapixelCount = 4;

    public static void Run(string[] args)
    {
        int limit = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : int.MaxValue;
        var fixer = new PhotoFixer(CheckerFaceDetector.LoadDefault(), null, new FixOptions { Recheck = false });
        SpecProfile profile = SpecProfiles.Get(SpecProfiles.Suzhou);
        string busyDev = Path.Combine(BenchPaths.Devset, "..", "busy-dev", "originals");
        List<string> devset = [.. Directory.GetFiles(BenchPaths.DevsetOriginals, "*.jpg").Order(StringComparer.Ordinal)];
        List<string> files = [.. devset, .. Directory.GetFiles(busyDev, "*.jpg").Order(StringComparer.Ordinal)];
        var inputs = new List<(string Name, byte[] Data)>();
        foreach (string f in files.Take(limit))
        {
            inputs.Add((Path.GetFileName(f), File.ReadAllBytes(f)));
        }

        foreach (string f in devset.Take(TwelveMegapixelCount))
        {
            inputs.Add(("12mp_" + Path.GetFileName(f), PhotoFixerBenchmarks.TwelveMegapixel(File.ReadAllBytes(f))));
        }

        foreach ((string name, byte[] data) in inputs)
        {
            using var ctx = new FixContext(data, "a.jpg", profile, FixOptions.Default, null);
            var outcomes = new List<string>();
            foreach (IFixStep step in fixer.Steps)
            {
                // A refusal does not stop the run: the later steps still run where they can, so more photos reach them.
                try
                {
                    FixStepResult r = step.Apply(ctx);
                    outcomes.Add(step.Id + ":" + r.Outcome + ":" + r.Reason.En);
                }
                catch (Exception e) when (e is InvalidOperationException or NullReferenceException or ArgumentException or IndexOutOfRangeException)
                {
                    outcomes.Add(step.Id + ":" + e.GetType().Name);
                }
            }

            string jpeg = Hash(ctx.Jpeg);
            string pixels = Hash(ctx.Output is null ? null : ctx.Output.Pixels.ToArray());
            string alpha = Hash(ctx.Alpha is null ? null : MemoryMarshal.AsBytes(ctx.Alpha.AsSpan()).ToArray());
            string mask = Hash(ctx.PersonMask);
            string steps = Hash(System.Text.Encoding.UTF8.GetBytes(string.Join('|', outcomes)));
            Console.WriteLine($"{name} jpeg={jpeg} pixels={pixels} alpha={alpha} mask={mask} steps={steps}");
        }
    }

    private static string Hash(byte[]? data) => data is null ? "-" : Convert.ToHexString(SHA256.HashData(data))[..16];
}
