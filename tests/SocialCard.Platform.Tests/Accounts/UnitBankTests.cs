using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Accounts;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Registry;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Accounts;

/// <summary>A unit's bank is one of the centre's banks (configuration <c>Centre:Banks</c>; the embedded list without it):
/// unit creation, the bank edit and the registry import accept those and refuse any other with a clear reason,
/// writing nothing; a bank change is audited.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UnitBankTests(PostgresServer server)
{
    private const string Admin = "staff:admin";

    private static UnitManagement Units(TestDatabase t, CentreOptions? centre) =>
        new(t.Database, new SignInSessions(t.Database, TimeProvider.System), TimeProvider.System, centre is null ? null : Options.Create(centre));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Units_take_a_bank_of_the_centres_list_and_an_unknown_bank_is_refused(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "unit-banks");

        // The embedded list (as ./run.sh has it).
        var embedded = Units(t, null);
        Assert.Equal(CentreOptions.DefaultBanks.Select(b => b.Code), embedded.Banks.Select(b => b.Code));
        var top = await embedded.CreateAsync(Admin, "510100", "成都某公司", null, "BOCD", " 金牛支行 ");
        Assert.True(top.Succeeded, string.Join("; ", top.Errors));
        var unknown = await embedded.CreateAsync(Admin, "510101", "未知银行公司", null, "SZB", null);
        var error = Assert.Single(unknown.Errors);
        Assert.Equal("BankCode", error.Field);
        Assert.Contains("不在本中心的银行列表中", error.Zh, StringComparison.Ordinal);
        Assert.Contains("not one of this centre's banks", error.En, StringComparison.Ordinal);

        // A centre configured with its own banks: those, and only those.
        var suzhou = Units(t, new CentreOptions { Banks = [new CentreBank("SZB", "苏州银行", "Bank of Suzhou")] });
        Assert.Equal(["SZB"], suzhou.Banks.Select(b => b.Code));
        Assert.True((await suzhou.CreateAsync(Admin, "320500", "苏州某公司", null, "SZB", null)).Succeeded);
        Assert.Equal("BankCode", Assert.Single((await suzhou.CreateAsync(Admin, "320501", "工行公司", null, "ICBC", null)).Errors).Field);
        Assert.Equal("BankCode", Assert.Single((await suzhou.SetBankAsync(Admin, top.Value, "ICBC", null)).Errors).Field);
        var sub = await suzhou.CreateAsync(Admin, "510100-01", "研发部", "510100");
        Assert.True(sub.Succeeded);
        Assert.True((await suzhou.SetBankAsync(Admin, sub.Value, "SZB", "园区支行")).Succeeded);
        Assert.True((await suzhou.SetBankAsync(Admin, sub.Value, "", null)).Succeeded);

        await using (var db = t.NewContext())
        {
            var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code);
            Assert.Equal(("BOCD", "金牛支行"), (units["510100"].BankCode, units["510100"].BankBranch));
            Assert.Equal("SZB", units["320500"].BankCode);
            Assert.Null(units["510100-01"].BankCode);
            Assert.False(units.ContainsKey("510101") || units.ContainsKey("320501"));
            var bankEdits = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.UnitChanged && e.EntityId == sub.Value.ToString()).ToListAsync();
            Assert.Equal(2, bankEdits.Count);
            Assert.Contains(bankEdits, e => e.Detail!.Contains("苏州银行 园区支行", StringComparison.Ordinal));
        }

        Assert.Equal(("BOCD", "金牛支行"), (await embedded.ListAsync()).Where(u => u.Code == "510100").Select(u => (u.BankCode, u.BankBranch)).Single());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_registry_import_names_banks_from_the_centres_list(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "unit-banks-import");
        var centre = Options.Create(new CentreOptions { Banks = [new CentreBank("SZB", "苏州银行", "Bank of Suzhou")] });
        var importer = new RegistryImporter(t.Database, TimeProvider.System, centre);
        const string Csv = "unit_code,unit_name,parent_code,bank,bank_branch\n320600,苏州甲公司,,苏州银行,园区支行\n320601,苏州乙公司,,工商银行,\n";
        var report = await importer.ImportUnitsAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv)), RegistryFileFormat.Csv, Admin);
        Assert.Contains(report.Errors, e => e.Row == 3);
        await using var db = t.NewContext();
        Assert.Equal("SZB", (await db.Units.AsNoTracking().SingleAsync(u => u.Code == "320600")).BankCode);
        Assert.False(await db.Units.AnyAsync(u => u.Code == "320601"));
    }
}
