using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Limits;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Security;

/// <summary>
/// Sign-in slows repeated failures down instead of locking: per login and address, per login, per address, in the
/// database (every node, every restart), the same for unknown logins as for known ones.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountSignInTests(PostgresServer server)
{
    private const string Unit = "325520";
    private const string Right = "right-password";
    private const string AddressA = "203.0.113.7";
    private const string AddressB = "198.51.100.20";
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Failures_delay_the_next_attempts_progressively_and_the_right_password_elsewhere_still_works(string provider)
    {
        await using var t = await CreateAsync(provider, nameof(Failures_delay_the_next_attempts_progressively_and_the_right_password_elsewhere_still_works));
        var clock = new ManualTimeProvider(T0);
        var signIn = NewSignIn(t, clock);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInResult.Failed, (await signIn.SignInUnitAsync(Unit, "wrong-" + i, AddressA)).Result);
        }

        // Past the free failures each wait doubles: 1 s, then 2 s; a held-back attempt is not checked and counts nothing.
        var held = await signIn.SignInUnitAsync(Unit, Right, AddressA);
        Assert.Equal(SignInResult.Throttled, held.Result);
        Assert.Null(held.Account);
        Assert.Equal(TimeSpan.FromSeconds(1), held.RetryAfter);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignInResult.Failed, (await signIn.SignInUnitAsync(Unit, "wrong-4", AddressA)).Result);
        Assert.Equal(TimeSpan.FromSeconds(2), (await signIn.SignInUnitAsync(Unit, "wrong-5", AddressA)).RetryAfter);

        // Five bad tries from one address do not keep the owner out from another.
        var owner = await signIn.SignInUnitAsync(Unit, Right, AddressB);
        Assert.Equal(SignInResult.Succeeded, owner.Result);
        Assert.Equal(Unit, owner.Account!.LoginName);

        // After the wait the right password works from the first address too, and its count starts again.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(SignInResult.Succeeded, (await signIn.SignInUnitAsync(Unit, Right, AddressA)).Result);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SignInResult.Failed, (await signIn.SignInUnitAsync(Unit, "again-" + i, AddressA)).Result);
        }

        await using var check = t.NewContext();
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.SignInThrottled && e.Actor == "unit:" + Unit));
        Assert.Null((await check.UnitAccounts.SingleAsync()).LockedUntil);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unknown_login_gets_the_same_answers_and_delays_as_a_known_one(string provider)
    {
        await using var t = await CreateAsync(provider, nameof(An_unknown_login_gets_the_same_answers_and_delays_as_a_known_one));
        var clock = new ManualTimeProvider(T0);
        var signIn = NewSignIn(t, clock);
        var known = new List<(SignInResult, TimeSpan)>();
        var unknown = new List<(SignInResult, TimeSpan)>();
        for (var i = 0; i < 8; i++)
        {
            var a = await signIn.SignInUnitAsync(Unit, "wrong-" + i, AddressA);
            var b = await signIn.SignInUnitAsync("999999", "wrong-" + i, AddressB);
            known.Add((a.Result, a.RetryAfter));
            unknown.Add((b.Result, b.RetryAfter));
            clock.Advance(TimeSpan.FromMilliseconds(700));
        }

        Assert.Contains(known, k => k.Item1 == SignInResult.Throttled);
        Assert.Equal(known, unknown);

        // Staff logins too: an unknown staff login is answered and held back exactly like a known one.
        var staffKnown = new List<SignInResult>();
        var staffUnknown = new List<SignInResult>();
        for (var i = 0; i < 5; i++)
        {
            staffKnown.Add((await signIn.SignInStaffAsync("li", "bad", "192.0.2.1")).Result);
            staffUnknown.Add((await signIn.SignInStaffAsync("nobody", "bad", "192.0.2.2")).Result);
        }

        Assert.Equal(staffKnown, staffUnknown);
        Assert.Equal(SignInResult.Throttled, staffKnown[^1]);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Delays_hold_across_nodes_and_restarts_and_parallel_attempts_cannot_slip_past(string provider)
    {
        await using var t = await CreateAsync(provider, nameof(Delays_hold_across_nodes_and_restarts_and_parallel_attempts_cannot_slip_past));
        var clock = new ManualTimeProvider(T0);

        // Twenty wrong passwords at once from one address: only the free ones and the first counted one are checked.
        var node1 = NewSignIn(t, clock);
        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => node1.SignInUnitAsync(Unit, "burst-" + i, AddressA))));
        Assert.Equal(4, burst.Count(r => r.Result == SignInResult.Failed));
        Assert.Equal(16, burst.Count(r => r.Result == SignInResult.Throttled));

        // Another node (or this one restarted) sees the same counts.
        var node2 = NewSignIn(t, clock);
        Assert.Equal(SignInResult.Throttled, (await node2.SignInUnitAsync(Unit, Right, AddressA)).Result);

        // The login from many addresses: its own, larger allowance, then a delay for everyone (no lock).
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(SignInResult.Failed, (await node2.SignInUnitAsync(Unit, "spread", "10.0.0." + i)).Result);
        }

        var spreadOut = await node1.SignInUnitAsync(Unit, Right, "10.0.1.1");
        Assert.Equal(SignInResult.Throttled, spreadOut.Result);
        clock.Advance(spreadOut.RetryAfter);
        Assert.Equal(SignInResult.Succeeded, (await node1.SignInUnitAsync(Unit, Right, "10.0.1.1")).Result);

        // An hour of quiet forgets the counts; the purge job then removes the rows.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(SignInResult.Succeeded, (await node2.SignInUnitAsync(Unit, Right, AddressA)).Result);
        clock.Advance(TimeSpan.FromHours(1));
        await new RateCounters(t.Database, clock).PurgeExpiredAsync();
        await using var db = t.NewContext();
        Assert.Equal(0, await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM rate_counters").SingleAsync());
    }

    private static AccountSignIn NewSignIn(TestDatabase t, TimeProvider clock) =>
        new(t.Database, new SignInThrottle(t.Database, clock, SignInThrottlePolicy.Default), clock);

    private async Task<TestDatabase> CreateAsync(string provider, string hint)
    {
        var t = await TestDatabase.CreateAsync(provider, server, hint);
        await using var db = t.NewContext();
        var unit = new Unit(Unit, "中智四川");
        db.Units.Add(unit);
        db.UnitAccounts.Add(new UnitAccount(unit, PasswordHasher.Hash(Right, 1000)));
        db.StaffAccounts.Add(new StaffAccount("li", "李", StaffRole.Clerk, PasswordHasher.Hash("pw", 1000)));
        await db.SaveChangesAsync();
        return t;
    }
}
