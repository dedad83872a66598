using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Security;

[Collection(PostgresCollection.Name)]
public sealed class SignInSessionsTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_session_lives_until_it_is_ended_or_expires_and_only_its_hash_is_stored(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_session_lives_until_it_is_ended_or_expires_and_only_its_hash_is_stored));
        var clock = new ManualTimeProvider(T0);
        var sessions = new SignInSessions(t.Database, clock);
        var first = await sessions.StartAsync("Unit", "325520", TimeSpan.FromHours(12));
        var second = await sessions.StartAsync("Unit", "325520", TimeSpan.FromHours(12));
        var staff = await sessions.StartAsync("Staff", "li", TimeSpan.FromHours(1));
        Assert.NotEqual(first, second);
        Assert.True(await sessions.IsActiveAsync(first));
        Assert.False(await sessions.IsActiveAsync(first + "x"));
        Assert.False(await sessions.IsActiveAsync(null));

        // Another node sees the same sessions; ending one leaves the others.
        var node2 = new SignInSessions(t.Database, clock);
        await node2.EndAsync(first);
        Assert.False(await sessions.IsActiveAsync(first));
        Assert.True(await sessions.IsActiveAsync(second));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await sessions.IsActiveAsync(staff));
        Assert.Equal(1, await sessions.PurgeExpiredAsync());
        Assert.Equal(1, await sessions.EndAllAsync("Unit", "325520"));
        Assert.False(await sessions.IsActiveAsync(second));

        await sessions.StartAsync("Unit", "325520", TimeSpan.FromHours(12));
        await using var db = t.NewContext();
        var stored = await db.Database.SqlQueryRaw<byte[]>("SELECT session_hash AS \"Value\" FROM sign_in_sessions").ToListAsync();
        Assert.Equal(32, Assert.Single(stored).Length);
    }
}
