using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Changes;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Services;

/// <summary>Sessions of the change page live in the database: a second service on the same database (another node, or
/// the same site after a restart) continues them; they end by the applicant or by time.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChangeSessionServiceTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_session_started_on_one_node_is_verified_and_read_on_another_until_it_expires(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_session_started_on_one_node_is_verified_and_read_on_another_until_it_expires));
        var clock = new ManualTimeProvider(T0);
        long applicationId;
        await using (var db = t.NewContext())
        {
            var person = Samples.Person();
            db.People.Add(person);
            await db.SaveChangesAsync();
            var app = new Application(person, T0);
            db.Applications.Add(app);
            await db.SaveChangesAsync();
            applicationId = app.Id;
        }

        var nodeA = new ChangeSessionService(t.Database, clock);
        var nodeB = new ChangeSessionService(t.Database, clock);
        var token = await nodeA.StartAsync(applicationId);
        var unknown = await nodeA.StartAsync(null);
        Assert.NotEqual(token, unknown);

        var pending = await nodeB.FindAsync(token);
        Assert.Equal((applicationId, false), (pending!.ApplicationId, pending.IsVerified));
        Assert.Null(await nodeB.FindAsync("not-a-token"));
        Assert.Null(await nodeB.FindAsync(null));

        Assert.True(await nodeB.MarkVerifiedAsync(token));
        Assert.True((await nodeA.FindAsync(token))!.IsVerified);
        Assert.False((await nodeA.FindAsync(unknown))!.IsVerified);

        // The token itself is never stored.
        await using (var db = t.NewContext())
        {
            Assert.DoesNotContain(await db.ChangeSessions.Select(s => s.TokenHash).ToListAsync(), h => System.Text.Encoding.ASCII.GetString(h) == token);
        }

        await nodeA.EndAsync(unknown);
        Assert.Null(await nodeB.FindAsync(unknown));

        clock.Advance(ChangeSession.Lifetime);
        Assert.Null(await nodeB.FindAsync(token));
        Assert.False(await nodeB.MarkVerifiedAsync(token));
        Assert.Equal(1, await nodeA.DeleteExpiredAsync());
        await using (var db = t.NewContext())
        {
            Assert.Empty(await db.ChangeSessions.ToListAsync());
        }
    }
}
