using System.Runtime.InteropServices;

namespace SocialCard.Benchmarks.Imaging;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), for the profiles that run
/// while other work shares the machine: unlike wall time it does not count the time the thread waited for the core.
/// Returns NaN where unavailable.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>Thread CPU time in milliseconds.</summary>
    public static double NowMilliseconds() => IsAvailable && TryNow(out double ms) ? ms : double.NaN;

    private static bool TryNow(out double milliseconds)
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out TimeSpec ts) != 0)
        {
            milliseconds = double.NaN;
            return false;
        }

        milliseconds = (ts.Seconds * 1e3) + (ts.Nanoseconds / 1e6);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
