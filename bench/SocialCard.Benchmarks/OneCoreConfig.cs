using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace SocialCard.Benchmarks;

/// <summary>
/// The shared benchmark set-up: one core (affinity mask 1, as the speed targets are "per photo on one core"),
/// memory diagnoser on, median, min and p95 columns shown (min is the least disturbed figure when other work shares
/// the machine; the speed targets quote the median).
/// </summary>
public sealed class OneCoreConfig : ManualConfig
{
    public OneCoreConfig()
    {
        AddJob(Job.Default.WithAffinity(1).WithWarmupCount(3).WithIterationCount(10));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(
            BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.Min, BenchmarkDotNet.Columns.StatisticColumn.P95);
    }
}
