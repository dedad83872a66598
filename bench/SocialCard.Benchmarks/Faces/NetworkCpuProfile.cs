using System.Diagnostics;
using System.Globalization;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// The cases of <see cref="FaceNetworkBenchmarks"/> timed in thread CPU time as well as wall time (one core,
/// affinity mask 1, warm-up then <c>runs</c> calls, median): BenchmarkDotNet only has wall clocks, and when other work
/// shares the machine the wall figures include the time the thread waited for the core. The same figures as
/// <c>tools/face-reference/time-reference.js</c> (which reports process CPU time), so the ratio to the reference can be
/// taken on either clock. Run: <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- network-profile [runs]</c>.
/// </summary>
internal static class NetworkCpuProfile
{
    public static void Run(string[] args)
    {
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        using RgbImage photo = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FaceBenchInputs.DevsetImages, FaceBenchInputs.PhotoName)));
        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        var d160 = new TinyFaceDetectorRunner(models.Detector, 160);
        var d224 = new TinyFaceDetectorRunner(models.Detector, 224);
        var d352 = new TinyFaceDetectorRunner(models.Detector, 352);
        var d416 = new TinyFaceDetectorRunner(models.Detector, 416);
        var dense = new DenseFaceNetRunner();
        ImageInput.Prepare(photo, 80, 120, 200, 220, center: true, 112, 122.782f, 117.001f, 104.298f, dense.Input);
        var a416 = new FaceAnalyzer(models);
        var a352 = new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = 352, ScoreThreshold = 0.45 });
        var p160 = new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = 160, ScoreThreshold = 0.45 });
        var engine = new SocialCard.Photos.Faces.CheckerFaceDetector(models);
        (string Name, Action Run)[] cases =
        [
            ("Detector160", () => d160.Run(photo)),
            ("Detector224", () => d224.Run(photo)),
            ("Detector352", () => d352.Run(photo)),
            ("Detector416", () => d416.Run(photo)),
            ("Landmark68", () => dense.Run(models.Landmark68)),
            ("Landmark68Tiny", () => dense.Run(models.Landmark68Tiny)),
            ("Expression", () => dense.Run(models.Expression)),
            ("AnalyzeDefault", () => a416.Analyze(photo)),
            ("Analyze352", () => a352.Analyze(photo)),
            ("Analyze160", () => p160.Analyze(photo)),
            ("DefaultEngine", () => engine.Analyze(photo)),
        ];

        Console.WriteLine($"{FaceBenchInputs.PhotoName} {photo.Width}x{photo.Height}, {runs} runs, one core, ms, {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z");
        Console.WriteLine($"{"net",-16} {"median",9} {"min",9} {"cpu-median",11}");
        var wall = new double[runs];
        var cpu = new double[runs];
        foreach ((string name, Action run) in cases)
        {
            for (int i = 0; i < 5; i++)
            {
                run();
            }

            for (int i = 0; i < runs; i++)
            {
                double c0 = ThreadCpuClock.NowMilliseconds();
                long t0 = Stopwatch.GetTimestamp();
                run();
                wall[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                cpu[i] = ThreadCpuClock.NowMilliseconds() - c0;
            }

            Array.Sort(wall);
            Array.Sort(cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-16} {wall[runs / 2],9:0.000} {wall[0],9:0.000} {cpu[runs / 2],11:0.000}"));
        }
    }
}
