using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Limits;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Limits;

[Collection(PostgresCollection.Name)]
public sealed class RateCountersTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 30, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_window_allows_its_permits_then_refuses_until_it_ends(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_window_allows_its_permits_then_refuses_until_it_ends));
        var clock = new ManualTimeProvider(T0);
        var counters = new RateCounters(t.Database, clock);
        var limit = new RateLimit("status-query", "10.0.0.1", 3, TimeSpan.FromMinutes(1));
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await counters.TryTakeAsync(limit)).Allowed);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var refused = await counters.TryTakeAsync(limit);
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.True((await counters.TryTakeAsync(limit with { Subject = "10.0.0.2" })).Allowed);
        Assert.True((await counters.TryTakeAsync(limit with { Scope = "other" })).Allowed);

        clock.Advance(refused.RetryAfter);
        Assert.True((await counters.TryTakeAsync(limit)).Allowed);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Several_limits_are_taken_all_or_nothing(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Several_limits_are_taken_all_or_nothing));
        var clock = new ManualTimeProvider(T0);
        var counters = new RateCounters(t.Database, clock);
        var perNumber = new RateLimit("sms.number", "13800138000", 2, TimeSpan.FromDays(1));
        var perClient = new RateLimit("sms.client", "10.0.0.1", 1, TimeSpan.FromDays(1));
        Assert.True((await counters.TryTakeAsync([perNumber, perClient])).Allowed);

        var refused = await counters.TryTakeAsync([perNumber, perClient]);
        Assert.False(refused.Allowed);
        Assert.Equal(1, refused.RefusedIndex);

        // The refusal took nothing from the number: it still has its second permit.
        Assert.True((await counters.TryTakeAsync([perNumber, perClient with { Subject = "10.0.0.2" }])).Allowed);
        Assert.Equal(0, (await counters.TryTakeAsync([perNumber, perClient with { Subject = "10.0.0.3" }])).RefusedIndex);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Concurrent_takes_never_exceed_the_permits_and_subjects_are_stored_hashed(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Concurrent_takes_never_exceed_the_permits_and_subjects_are_stored_hashed));
        var clock = new ManualTimeProvider(T0);
        var counters = new RateCounters(t.Database, clock);
        var limit = new RateLimit("sms.number", "13800138000", 5, TimeSpan.FromMinutes(1));
        var decisions = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => counters.TryTakeAsync(limit))));
        Assert.Equal(5, decisions.Count(d => d.Allowed));

        await using var db = t.NewContext();
        var keys = await db.Database.SqlQueryRaw<string>("SELECT counter_key AS \"Value\" FROM rate_counters").ToListAsync();
        var key = Assert.Single(keys);
        Assert.StartsWith("sms.number:", key, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", key, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ended_windows_are_purged(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Ended_windows_are_purged));
        var clock = new ManualTimeProvider(T0);
        var counters = new RateCounters(t.Database, clock);
        await counters.TryTakeAsync(new RateLimit("a", "x", 1, TimeSpan.FromMinutes(1)));
        await counters.TryTakeAsync(new RateLimit("b", "x", 1, TimeSpan.FromHours(1)));
        Assert.Equal(0, await counters.PurgeExpiredAsync());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await counters.PurgeExpiredAsync());
        Assert.False((await counters.TryTakeAsync(new RateLimit("b", "x", 1, TimeSpan.FromHours(1)))).Allowed);
    }
}
