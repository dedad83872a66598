using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Limits;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Security;

/// <summary>Password change by the holder (rule, current password, other sessions end) and reset by an administrator
/// (temporary password, must change at the next sign-in), both audited.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountPasswordsTests(PostgresServer server)
{
    private const string Unit = "325520";
    private const string Old = "old-password-1";
    private const string New = "new-password-2";
    private const string Address = "203.0.113.7";
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("short-9ch", PasswordChangeStatus.TooShort)]
    [InlineData(" 3255200000 ", PasswordChangeStatus.SameAsLogin)]
    [InlineData(Old, PasswordChangeStatus.SameAsCurrent)]
    [InlineData(New, null)]
    public void The_rule_wants_ten_characters_not_the_login_and_not_the_current_password(string candidate, PasswordChangeStatus? expected) =>
        Assert.Equal(expected, AccountPasswords.CheckRule("3255200000", Old, candidate));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_change_needs_the_current_password_and_ends_the_other_sessions_only(string provider)
    {
        await using var t = await CreateAsync(provider, nameof(A_change_needs_the_current_password_and_ends_the_other_sessions_only));
        var clock = new ManualTimeProvider(T0);
        var (passwords, sessions, signIn) = Services(t, clock);
        var here = await sessions.StartAsync(AccountPasswords.UnitAudience, Unit, TimeSpan.FromHours(12));
        var elsewhere = await sessions.StartAsync(AccountPasswords.UnitAudience, Unit, TimeSpan.FromHours(12));
        var staffSession = await sessions.StartAsync(AccountPasswords.StaffAudience, Unit, TimeSpan.FromHours(12));

        var wrong = await passwords.ChangeAsync(AccountPasswords.UnitAudience, Unit, "not-the-password", New, here, Address);
        Assert.Equal(PasswordChangeStatus.WrongCurrent, wrong.Status);
        var weak = await passwords.ChangeAsync(AccountPasswords.UnitAudience, Unit, Old, "short", here, Address);
        Assert.Equal(PasswordChangeStatus.TooShort, weak.Status);
        Assert.True(await sessions.IsActiveAsync(elsewhere));
        Assert.Equal(SignInResult.Succeeded, (await signIn.SignInUnitAsync(Unit, Old, Address)).Result);

        var done = await passwords.ChangeAsync(AccountPasswords.UnitAudience, Unit, Old, New, here, Address);
        Assert.True(done.Succeeded);
        Assert.True(await sessions.IsActiveAsync(here));
        Assert.False(await sessions.IsActiveAsync(elsewhere));
        Assert.True(await sessions.IsActiveAsync(staffSession));
        Assert.Equal(SignInResult.Failed, (await signIn.SignInUnitAsync(Unit, Old, Address)).Result);
        Assert.Equal(SignInResult.Succeeded, (await signIn.SignInUnitAsync(Unit, New, Address)).Result);

        // Staff change their own password the same way.
        Assert.True((await passwords.ChangeAsync(AccountPasswords.StaffAudience, "li", "staff-password", "staff-password-new", null, Address)).Succeeded);
        Assert.Equal(SignInResult.Succeeded, (await signIn.SignInStaffAsync("li", "staff-password-new", Address)).Result);

        await using var db = t.NewContext();
        var audit = await db.AuditEvents.Where(e => e.Action == AuditActions.PasswordChanged).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["unit:" + Unit, "staff:li"], audit.Select(e => e.Actor));
        Assert.Contains("结束其他登录 1 个", audit[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Wrong_current_passwords_are_delayed_like_sign_in_failures(string provider)
    {
        await using var t = await CreateAsync(provider, nameof(Wrong_current_passwords_are_delayed_like_sign_in_failures));
        var (passwords, _, _) = Services(t, new ManualTimeProvider(T0));
        var results = new List<PasswordChangeStatus>();
        for (var i = 0; i < 6; i++)
        {
            results.Add((await passwords.ChangeAsync(AccountPasswords.UnitAudience, Unit, "guess-" + i, New, null, Address)).Status);
        }

        Assert.Contains(PasswordChangeStatus.Throttled, results);
        var held = await passwords.ChangeAsync(AccountPasswords.UnitAudience, Unit, Old, New, null, Address);
        Assert.Equal(PasswordChangeStatus.Throttled, held.Status);
        Assert.True(held.RetryAfter > TimeSpan.Zero);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_reset_gives_a_temporary_password_that_must_be_changed_and_ends_every_session(string provider)
    {
        await using var t = await CreateAsync(provider, nameof(A_reset_gives_a_temporary_password_that_must_be_changed_and_ends_every_session));
        var clock = new ManualTimeProvider(T0);
        var (passwords, sessions, signIn) = Services(t, clock);
        var session = await sessions.StartAsync(AccountPasswords.UnitAudience, Unit, TimeSpan.FromHours(12));

        Assert.Null(await passwords.ResetAsync("staff:admin", AccountPasswords.UnitAudience, "999999"));
        var temporary = await passwords.ResetAsync("staff:admin", AccountPasswords.UnitAudience, " " + Unit + " ");
        Assert.NotNull(temporary);
        Assert.Equal(AccountPasswords.TemporaryLength, temporary.Length);
        Assert.Null(AccountPasswords.CheckRule(Unit, Old, temporary));
        Assert.NotEqual(temporary, await passwords.ResetAsync("staff:admin", AccountPasswords.UnitAudience, Unit));
        temporary = await passwords.ResetAsync("staff:admin", AccountPasswords.UnitAudience, Unit);
        Assert.False(await sessions.IsActiveAsync(session));

        var attempt = await signIn.SignInUnitAsync(Unit, temporary!, Address);
        Assert.Equal(SignInResult.Succeeded, attempt.Result);
        Assert.True(attempt.Account!.MustChangePassword);

        Assert.True((await passwords.ChangeAsync(AccountPasswords.UnitAudience, Unit, temporary!, New, null, Address)).Succeeded);
        attempt = await signIn.SignInUnitAsync(Unit, New, Address);
        Assert.False(attempt.Account!.MustChangePassword);

        await using var db = t.NewContext();
        var resets = await db.AuditEvents.Where(e => e.Action == AuditActions.PasswordReset).ToListAsync();
        Assert.Equal(3, resets.Count);
        Assert.All(resets, e => Assert.Equal("staff:admin", e.Actor));
        Assert.DoesNotContain(resets, e => e.Detail!.Contains(temporary!, StringComparison.Ordinal));
    }

    private static (AccountPasswords Passwords, SignInSessions Sessions, AccountSignIn SignIn) Services(TestDatabase t, TimeProvider clock)
    {
        var throttle = new SignInThrottle(t.Database, clock, SignInThrottlePolicy.Default);
        var sessions = new SignInSessions(t.Database, clock);
        return (new AccountPasswords(t.Database, throttle, sessions, clock), sessions, new AccountSignIn(t.Database, throttle, clock));
    }

    private async Task<TestDatabase> CreateAsync(string provider, string hint)
    {
        var t = await TestDatabase.CreateAsync(provider, server, hint);
        await using var db = t.NewContext();
        var unit = new Unit(Unit, "中智四川");
        db.Units.Add(unit);
        db.UnitAccounts.Add(new UnitAccount(unit, PasswordHasher.Hash(Old, 1000)));
        db.StaffAccounts.Add(new StaffAccount("li", "李", StaffRole.Clerk, PasswordHasher.Hash("staff-password", 1000)));
        await db.SaveChangesAsync();
        return t;
    }
}
