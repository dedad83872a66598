using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Accounts;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Limits;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;
using SocialCard.Platform.Storage.Migrations;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Accounts;

/// <summary>Units created and edited by a centre administrator, per-clerk unit logins (by the centre or a unit's own
/// administrator, within the unit tree), staff accounts; closed units and disabled accounts sign in no one; every change
/// audited in Chinese; the shared unit logins of earlier versions keep working.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UnitAndAccountManagementTests(PostgresServer server)
{
    private const string Admin = "staff:admin";
    private const string Address = "203.0.113.9";
    private const string Shared = "shared-password-1";
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_shared_unit_login_of_an_earlier_version_keeps_working_as_the_units_administrator(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_shared_unit_login_of_an_earlier_version_keeps_working_as_the_units_administrator), migrate: false);
        await using (var db = t.NewContext())
        {
            await SchemaMigrator.MigrateAsync(db, SchemaMigrations.All.Where(m => m.Version < 17).ToList(), CancellationToken.None);
            var zero = provider == "PostgreSql" ? "false" : "0";
            await ExecAsync(db, $"""
                INSERT INTO units (id, code, name, parent_id, level) VALUES (1, '325520', '中智苏州', NULL, 1);
                INSERT INTO accounts (kind, login_name, password_hash, failed_attempts, unit_id, must_change_password)
                    VALUES ('unit', '325520', '{PasswordHasher.Hash(Shared, 1000)}', 0, 1, {zero});
                """);
            Assert.True(await SchemaMigrator.MigrateAsync(db) >= 1);
        }

        var (signIn, _, _) = Services(t);
        var attempt = await signIn.SignInUnitAsync("325520", Shared, Address);
        Assert.Equal(SignInResult.Succeeded, attempt.Result);
        Assert.Equal(UnitAccountRole.UnitAdmin, attempt.Account!.UnitRole);
        Assert.Null(attempt.Account.ClerkLogin);
        Assert.False(attempt.Account.Disabled);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_administrator_creates_and_edits_units_within_three_levels_and_a_closed_unit_signs_in_no_one(string provider)
    {
        await using var t = await CreateAsync(provider, nameof(An_administrator_creates_and_edits_units_within_three_levels_and_a_closed_unit_signs_in_no_one));
        var (signIn, sessions, _) = Services(t);
        var units = new UnitManagement(t.Database, sessions, TimeProvider.System);

        var top = await units.CreateAsync(Admin, " 325600 ", "苏州新设公司", null);
        Assert.True(top.Succeeded);
        var dept = await units.CreateAsync(Admin, "325600-01", "人事部", "325600");
        var team = await units.CreateAsync(Admin, "325600-01-01", "招聘组", "325600-01");
        Assert.True(dept.Succeeded && team.Succeeded);
        Assert.Equal("Code", Assert.Single((await units.CreateAsync(Admin, "325600", "重复", null)).Errors).Field);
        Assert.Equal("Code", Assert.Single((await units.CreateAsync(Admin, "32 56/00", "坏代码", null)).Errors).Field);
        Assert.Equal("ParentCode", Assert.Single((await units.CreateAsync(Admin, "325600-01-01-01", "第四级", "325600-01-01")).Errors).Field);
        Assert.Equal("ParentCode", Assert.Single((await units.CreateAsync(Admin, "325601", "无上级", "999999")).Errors).Field);
        Assert.Equal("Name", Assert.Single((await units.CreateAsync(Admin, "325602", "  ", null)).Errors).Field);

        // Moving the department (with its team) under the other top unit keeps three levels; under the team it would not.
        Assert.Equal("ParentCode", Assert.Single((await units.UpdateAsync(Admin, dept.Value, "人事部", "325600-01-01", closed: false)).Errors).Field);
        Assert.True((await units.UpdateAsync(Admin, dept.Value, "人力资源部", "325520", closed: false)).Succeeded);
        var listed = await units.ListAsync();
        Assert.Equal(("325520", 2, "人力资源部"), listed.Where(u => u.Id == dept.Value).Select(u => (u.ParentCode, u.Level, u.Name)).Single());
        Assert.Equal(3, listed.Single(u => u.Id == team.Value).Level);
        Assert.Equal("ParentCode", Assert.Single((await units.UpdateAsync(Admin, 1, "中智苏州", "510001", closed: false)).Errors).Field);

        // Closing the top unit: its login and the sub-unit's end their sessions and cannot sign in; reopening restores them.
        var session = await sessions.StartAsync(AccountPasswords.UnitAudience, "325520", TimeSpan.FromHours(1));
        Assert.True((await units.UpdateAsync(Admin, 1, "中智苏州", null, closed: true)).Succeeded);
        Assert.False(await sessions.IsActiveAsync(session));
        Assert.Equal(SignInResult.Disabled, (await signIn.SignInUnitAsync("325520", Shared, Address)).Result);
        Assert.Equal(SignInResult.Failed, (await signIn.SignInUnitAsync("325520", "wrong-password", Address)).Result);
        Assert.True((await units.ListAsync()).Single(u => u.Code == "325520").Closed);
        Assert.True((await units.UpdateAsync(Admin, 1, "中智苏州", null, closed: false)).Succeeded);
        Assert.Equal(SignInResult.Succeeded, (await signIn.SignInUnitAsync("325520", Shared, Address)).Result);

        await using var db = t.NewContext();
        var audit = await db.AuditEvents.Where(e => e.Action == AuditActions.UnitCreated || e.Action == AuditActions.UnitChanged)
            .OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync();
        Assert.Equal(6, audit.Count);
        Assert.Equal("新建参保单位 325600（苏州新设公司）", audit[0]);
        Assert.Equal("新建下级单位 325600-01（人事部），上级单位 325600", audit[1]);
        Assert.Equal("修改单位 325600-01：上级单位 325600 → 325520；名称 人事部 → 人力资源部", audit[3]);
        Assert.StartsWith("修改单位 325520：注销", audit[4], StringComparison.Ordinal);
        Assert.Contains("结束登录 1 个", audit[4], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Each_clerk_gets_an_own_login_and_a_unit_administrator_manages_the_clerks_of_the_own_unit_tree_only(string provider)
    {
        await using var t = await CreateAsync(provider, nameof(Each_clerk_gets_an_own_login_and_a_unit_administrator_manages_the_clerks_of_the_own_unit_tree_only));
        var (signIn, sessions, passwords) = Services(t);
        var clerks = new UnitAccountManagement(t.Database, sessions, TimeProvider.System);

        // The centre creates a unit administrator clerk; the temporary password must be changed first.
        var wang = await clerks.CreateAsync(Admin, null, "325520", "wang", "王经理", UnitAccountRole.UnitAdmin);
        Assert.True(wang.Succeeded);
        Assert.Equal("325520/wang", wang.Value!.LoginName);
        var first = await signIn.SignInUnitAsync("325520/wang", wang.Value.TemporaryPassword, Address);
        Assert.Equal(SignInResult.Succeeded, first.Result);
        Assert.True(first.Account!.MustChangePassword);
        Assert.True((await passwords.ChangeAsync(AccountPasswords.UnitAudience, "325520/wang", wang.Value.TemporaryPassword, "wang-password-2", null, Address)).Succeeded);

        // The unit administrator (scope: 325520) adds a clerk to the sub-unit, but nothing in another unit.
        const string Actor = "unit:325520/wang";
        var li = await clerks.CreateAsync(Actor, 1, "325520-01", "li", "李四", UnitAccountRole.Clerk);
        Assert.True(li.Succeeded);
        Assert.Equal("UnitCode", Assert.Single((await clerks.CreateAsync(Actor, 1, "510001", "zhao", "赵", UnitAccountRole.Clerk)).Errors).Field);
        Assert.Equal("ClerkLogin", Assert.Single((await clerks.CreateAsync(Actor, 1, "325520-01", "li", "李四", UnitAccountRole.Clerk)).Errors).Field);
        Assert.Equal("ClerkLogin", Assert.Single((await clerks.CreateAsync(Actor, 1, "325520", "", "没有登录名", UnitAccountRole.Clerk)).Errors).Field);
        Assert.Equal("ClerkLogin", Assert.Single((await clerks.CreateAsync(Actor, 1, "325520", "Bad Login", "大写", UnitAccountRole.Clerk)).Errors).Field);
        Assert.Equal("UnitCode", Assert.Single((await clerks.CreateAsync(Admin, null, "325520", null, null, UnitAccountRole.UnitAdmin)).Errors).Field);

        var mine = await clerks.ListAsync(1);
        Assert.Equal(["325520", "325520/wang", "325520-01/li"], mine.Select(a => a.LoginName));
        Assert.DoesNotContain(await clerks.ListAsync(1), a => a.UnitCode == "510001");
        Assert.Contains(await clerks.ListAsync(null), a => a.UnitCode == "510001");
        Assert.True(await clerks.InScopeAsync(1, "325520-01/li"));
        Assert.False(await clerks.InScopeAsync(1, "325520"));
        Assert.False(await clerks.InScopeAsync(1, "510001"));

        // Disabling ends the clerk's sessions and the clerk cannot sign in; the administrator cannot disable themself or
        // the unit's shared login, nor a clerk of another unit.
        var liId = mine.Single(a => a.ClerkLogin == "li").Id;
        var liSession = await sessions.StartAsync(AccountPasswords.UnitAudience, "325520-01/li", TimeSpan.FromHours(1));
        Assert.True((await clerks.SetDisabledAsync(Actor, 1, liId, disabled: true)).Succeeded);
        Assert.False(await sessions.IsActiveAsync(liSession));
        Assert.Equal(SignInResult.Disabled, (await signIn.SignInUnitAsync("325520-01/li", li.Value!.TemporaryPassword, Address)).Result);
        Assert.False((await clerks.SetDisabledAsync(Actor, 1, mine.Single(a => a.ClerkLogin == "wang").Id, disabled: true)).Succeeded);
        Assert.False((await clerks.SetDisabledAsync(Actor, 1, mine.Single(a => a.ClerkLogin is null).Id, disabled: true)).Succeeded);
        var other = (await clerks.ListAsync(null)).Single(a => a.UnitCode == "510001").Id;
        Assert.False((await clerks.SetDisabledAsync(Actor, 1, other, disabled: true)).Succeeded);
        Assert.True((await clerks.SetDisabledAsync(Actor, 1, liId, disabled: false)).Succeeded);
        Assert.Equal(SignInResult.Succeeded, (await signIn.SignInUnitAsync("325520-01/li", li.Value.TemporaryPassword, Address)).Result);

        // The shared login still signs in as before, and the centre resets a clerk's password like a unit's.
        Assert.Equal(SignInResult.Succeeded, (await signIn.SignInUnitAsync("325520", Shared, Address)).Result);
        Assert.NotNull(await passwords.ResetAsync(Admin, AccountPasswords.UnitAudience, "325520-01/li"));

        await using var db = t.NewContext();
        var audit = await db.AuditEvents.Where(e => e.Action == AuditActions.AccountCreated || e.Action == AuditActions.AccountChanged)
            .OrderBy(e => e.Id).Select(e => new { e.Actor, e.Detail }).ToListAsync();
        Assert.Equal(4, audit.Count);
        Assert.Equal("为单位 325520 开设经办人账号 wang（王经理，单位管理员），发放临时密码（首次登录须修改）", audit[0].Detail);
        Assert.Equal(Actor, audit[1].Actor);
        Assert.Equal("停用单位账号 325520-01/li，结束登录 1 个", audit[2].Detail);
        Assert.DoesNotContain(audit, e => e.Detail!.Contains(li.Value.TemporaryPassword, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Staff_accounts_are_created_with_a_role_changed_disabled_and_reset_by_an_administrator(string provider)
    {
        await using var t = await CreateAsync(provider, nameof(Staff_accounts_are_created_with_a_role_changed_disabled_and_reset_by_an_administrator));
        var (signIn, sessions, passwords) = Services(t);
        var staff = new StaffAccountManagement(t.Database, sessions, TimeProvider.System);

        var created = await staff.CreateAsync(Admin, "zhou", "周审核", StaffRole.Reviewer);
        Assert.True(created.Succeeded);
        Assert.Equal("Login", Assert.Single((await staff.CreateAsync(Admin, "zhou", "周", StaffRole.Clerk)).Errors).Field);
        Assert.Equal("Role", Assert.Single((await staff.CreateAsync(Admin, "wu", "吴", (StaffRole)99)).Errors).Field);
        var first = await signIn.SignInStaffAsync("zhou", created.Value!.TemporaryPassword, Address);
        Assert.Equal(SignInResult.Succeeded, first.Result);
        Assert.True(first.Account!.MustChangePassword);
        Assert.Equal(StaffRole.Reviewer, first.Account.Role);

        var id = (await staff.ListAsync()).Single(a => a.Login == "zhou").Id;
        var session = await sessions.StartAsync(AccountPasswords.StaffAudience, "zhou", TimeSpan.FromHours(1));
        Assert.True((await staff.UpdateAsync(Admin, id, StaffRole.Auditor, disabled: false)).Succeeded);
        Assert.False(await sessions.IsActiveAsync(session)); // the new role holds from the next sign-in
        Assert.True((await staff.UpdateAsync(Admin, id, StaffRole.Auditor, disabled: true)).Succeeded);
        Assert.Equal(SignInResult.Disabled, (await signIn.SignInStaffAsync("zhou", created.Value.TemporaryPassword, Address)).Result);
        Assert.True((await staff.UpdateAsync(Admin, id, StaffRole.Auditor, disabled: false)).Succeeded);

        // Reset: the same one-time temporary password flow as a unit's.
        var temporary = await passwords.ResetAsync(Admin, AccountPasswords.StaffAudience, "zhou");
        Assert.NotNull(temporary);
        Assert.Equal(SignInResult.Failed, (await signIn.SignInStaffAsync("zhou", created.Value.TemporaryPassword, Address)).Result);
        var again = await signIn.SignInStaffAsync("zhou", temporary, Address);
        Assert.Equal(StaffRole.Auditor, again.Account!.Role);
        Assert.True(again.Account.MustChangePassword);

        // An administrator neither disables nor demotes themself.
        var adminId = (await staff.ListAsync()).Single(a => a.Login == "admin").Id;
        Assert.False((await staff.UpdateAsync(Admin, adminId, StaffRole.Admin, disabled: true)).Succeeded);
        Assert.False((await staff.UpdateAsync(Admin, adminId, StaffRole.Clerk, disabled: false)).Succeeded);

        await using var db = t.NewContext();
        var audit = await db.AuditEvents.Where(e => e.Action == AuditActions.AccountCreated || e.Action == AuditActions.AccountChanged || e.Action == AuditActions.PasswordReset)
            .OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync();
        Assert.Equal("开设中心工作人员账号 zhou（周审核，预审员），发放临时密码（首次登录须修改）", audit[0]);
        Assert.Equal("修改中心工作人员账号 zhou：角色 预审员 → 审计；结束登录 1 个", audit[1]);
        Assert.Equal("修改中心工作人员账号 zhou：停用；结束登录 0 个", audit[2]);
        Assert.StartsWith("重置中心工作人员账号 zhou 的密码为临时密码", audit[4], StringComparison.Ordinal);
    }

    private static (AccountSignIn SignIn, SignInSessions Sessions, AccountPasswords Passwords) Services(TestDatabase t)
    {
        var clock = new ManualTimeProvider(T0);
        var throttle = new SignInThrottle(t.Database, clock, SignInThrottlePolicy.Default);
        var sessions = new SignInSessions(t.Database, TimeProvider.System);
        return (new AccountSignIn(t.Database, throttle, clock), sessions, new AccountPasswords(t.Database, throttle, sessions, clock));
    }

    private async Task<TestDatabase> CreateAsync(string provider, string hint)
    {
        var t = await TestDatabase.CreateAsync(provider, server, hint);
        await using var db = t.NewContext();
        var unit = new Unit("325520", "中智苏州");
        var other = new Unit("510001", "成都某公司");
        db.Units.AddRange(unit, other);
        await db.SaveChangesAsync();
        db.Units.Add(new Unit("325520-01", "人事部", unit));
        db.UnitAccounts.Add(new UnitAccount(unit, PasswordHasher.Hash(Shared, 1000)));
        db.UnitAccounts.Add(new UnitAccount(other, PasswordHasher.Hash(Shared, 1000)));
        db.StaffAccounts.Add(new StaffAccount("admin", "管理员", StaffRole.Admin, PasswordHasher.Hash("admin-password", 1000)));
        await db.SaveChangesAsync();
        Assert.Equal(1, unit.Id);
        return t;
    }

    private static async Task ExecAsync(PlatformDbContext db, string sql)
    {
        DbConnection conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await conn.OpenAsync();
        }

        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
