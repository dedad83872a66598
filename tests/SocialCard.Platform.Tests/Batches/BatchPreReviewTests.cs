using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Tests.Batches;

public sealed class BatchPreReviewTests
{
    private static readonly EntryReviewReason Blurry = new("sharpness", "图像模糊", "the image is blurred");

    [Fact]
    public async Task Failed_unmatched_and_matched_entries_get_their_dispositions_in_input_order()
    {
        var entries = new[] { Entry("3205000001", 1), Entry("3205000002", 2), Entry("3205000003", 3), Entry("3205000004", 4) };
        var registryCalls = new List<string>();
        var review = new BatchPreReview(
            (bytes, fileName, _) => Task.FromResult(bytes[2] == 2 ? EntryReview.Fail(Blurry) : EntryReview.Pass()),
            number =>
            {
                lock (registryCalls)
                {
                    registryCalls.Add(number);
                }

                return number != "3205000003";
            },
            maxDegreeOfParallelism: 2);

        var result = await review.RunAsync(entries);

        Assert.Equal(entries.Select(e => e.PersonalNumber), result.Outcomes.Select(o => o.Entry.PersonalNumber));
        Assert.Equal(
            [PreReviewDisposition.ReadyForCardCentre, PreReviewDisposition.FailedPreReview, PreReviewDisposition.Unmatched, PreReviewDisposition.ReadyForCardCentre],
            result.Outcomes.Select(o => o.Disposition));
        Assert.Equal(Blurry, Assert.Single(result.Outcomes[1].Reasons));
        var unmatched = Assert.Single(result.Outcomes[2].Reasons);
        Assert.Equal("人员编号在制卡数据库中不存在", unmatched.MessageZh);
        Assert.Equal("personal number not found in the card database", unmatched.MessageEn);
        Assert.True(result.Outcomes[1].IsVoided);
        Assert.True(result.Outcomes[2].IsVoided);
        Assert.False(result.Outcomes[0].IsVoided);
        Assert.Equal(2, result.ReadyForCardCentre.Count());
        Assert.DoesNotContain("3205000002", registryCalls); // a failed photo is not looked up
    }

    [Fact]
    public async Task Entries_run_in_parallel_up_to_the_limit()
    {
        var entries = Enumerable.Range(0, 12).Select(i => Entry($"32050000{i:00}", i)).ToArray();
        int running = 0;
        int peak = 0;
        var review = new BatchPreReview(
            async (_, _, ct) =>
            {
                int now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await Task.Delay(40, ct);
                Interlocked.Decrement(ref running);
                return EntryReview.Pass();
            },
            (_, _) => ValueTask.FromResult(true),
            maxDegreeOfParallelism: 3);

        var result = await review.RunAsync(entries);

        Assert.Equal(12, result.Count(PreReviewDisposition.ReadyForCardCentre));
        Assert.InRange(peak, 2, 3);
    }

    [Fact]
    public void Default_parallelism_is_the_processor_count()
    {
        var review = new BatchPreReview((_, _, _) => Task.FromResult(EntryReview.Pass()), _ => true);

        Assert.Equal(Environment.ProcessorCount, review.MaxDegreeOfParallelism);
    }

    [Fact]
    public async Task Reviewer_or_registry_exception_faults_the_entry_instead_of_voiding_it()
    {
        var review = new BatchPreReview(
            (bytes, _, _) => bytes[2] == 1 ? throw new InvalidOperationException("engine down") : Task.FromResult(EntryReview.Pass()),
            number => number == "3205000003" ? throw new TimeoutException("db") : true);

        var result = await review.RunAsync([Entry("3205000001", 1), Entry("3205000002", 2), Entry("3205000003", 3)]);

        Assert.Equal(
            [PreReviewDisposition.Faulted, PreReviewDisposition.ReadyForCardCentre, PreReviewDisposition.Faulted],
            result.Outcomes.Select(o => o.Disposition));
        Assert.IsType<InvalidOperationException>(result.Outcomes[0].Fault);
        Assert.False(result.Outcomes[0].IsVoided);
        Assert.Equal(BatchEntryOutcome.FaultRuleId, result.Outcomes[2].Reasons[0].RuleId);
    }

    [Fact]
    public async Task Cancellation_is_thrown_not_reported()
    {
        using var cts = new CancellationTokenSource();
        var review = new BatchPreReview(
            async (_, _, ct) =>
            {
                await cts.CancelAsync();
                ct.ThrowIfCancellationRequested();
                return EntryReview.Pass();
            },
            _ => true,
            maxDegreeOfParallelism: 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => review.RunAsync([Entry("3205000001", 1), Entry("3205000002", 2)], cts.Token));
    }

    [Fact]
    public async Task Reviewed_at_comes_from_the_clock()
    {
        var at = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var review = new BatchPreReview((_, _, _) => Task.FromResult(EntryReview.Pass()), _ => true, new FixedClock(at));

        var outcome = await review.ReviewOneAsync(Entry("3205000001", 1));

        Assert.Equal(at, outcome.ReviewedAt);
    }

    private static BatchPhotoEntry Entry(string number, byte marker) =>
        new(number, $"u/{number}.jpg", $"{number}.jpg", [0xFF, 0xD8, marker, 0xFF, 0xD9], DateTimeOffset.UnixEpoch);

    private static BatchPhotoEntry Entry(string number, int marker) => Entry(number, (byte)marker);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
