using SocialCard.Imaging.Processing.Statistics;

namespace SocialCard.Imaging.Tests.Processing.Statistics;

public sealed class OrderStatisticsTests
{
    /// <summary>Every k of random spans (few distinct values, many ties, NaN, both sizes of the small-span path) gives
    /// what a sort puts there, and the span is partitioned around it.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(61)]
    [InlineData(500)]
    public void Select_gives_the_value_a_sort_puts_at_k(int n)
    {
        var random = new Random(n);
        for (int round = 0; round < 20; round++)
        {
            int distinct = round % 3 == 0 ? 3 : 1000;
            double[] values = [.. Enumerable.Range(0, n).Select(_ => (double)random.Next(distinct) - (distinct / 2))];
            if (round % 5 == 4)
            {
                values[random.Next(n)] = double.NaN;
            }

            double[] sorted = [.. values];
            Array.Sort(sorted);
            for (int k = 0; k < n; k += Math.Max(1, n / 23))
            {
                double[] work = [.. values];
                double v = OrderStatistics.Select(work.AsSpan(), k);
                Assert.Equal(sorted[k], v);
                Assert.Equal(sorted[k], work[k]);
                Assert.All(work[..k], x => Assert.True(x.CompareTo(v) <= 0));
                Assert.All(work[(k + 1)..], x => Assert.True(x.CompareTo(v) >= 0));
                Assert.Equal(sorted, work.Order().ToArray());
            }
        }
    }

    [Fact]
    public void Median_is_the_middle_value_or_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(3.0, OrderStatistics.Median(new double[] { 5, 1, 3 }.AsSpan()));
        Assert.Equal(2.5, OrderStatistics.Median(new double[] { 4, 1, 3, 2 }.AsSpan()));
        Assert.Equal(7f, OrderStatistics.Median(new float[] { 7 }.AsSpan()));
        var random = new Random(7);
        for (int n = 1; n < 300; n += 7)
        {
            float[] values = [.. Enumerable.Range(0, n).Select(_ => (float)random.NextDouble())];
            float[] sorted = [.. values];
            Array.Sort(sorted);
            float expected = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
            Assert.Equal(expected, OrderStatistics.Median(values.AsSpan()));
        }
    }

    [Fact]
    public void An_empty_span_or_a_k_outside_it_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.Median(Span<double>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.Select(new double[3].AsSpan(), 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.Select(new double[3].AsSpan(), -1));
    }
}
