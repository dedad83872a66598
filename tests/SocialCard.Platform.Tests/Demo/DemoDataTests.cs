using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Demo;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Demo;

[Collection(PostgresCollection.Name)]
public sealed class DemoDataTests(PostgresServer server)
{
    [Fact]
    public void Generated_people_are_valid_unique_and_reproducible()
    {
        var a = new DemoDataGenerator(7);
        var b = new DemoDataGenerator(7);
        var today = new DateOnly(2026, 11, 23);
        var rows = Enumerable.Range(0, 2000).Select(_ => a.NextPerson(null)).ToList();
        Assert.Equal(rows.Select(r => r.IdNumber), Enumerable.Range(0, 2000).Select(_ => b.NextPerson(null).IdNumber));
        Assert.Equal(2000, rows.Select(r => r.IdNumber).Distinct().Count());
        Assert.Equal(2000, rows.Select(r => r.PersonalNumber).Distinct().Count());
        foreach (var r in rows)
        {
            Assert.Null(ResidentIdNumber.Validate(r.IdNumber, today, out var info));
            Assert.Equal(info.BirthDate, r.BirthDate);
            Assert.Equal(info.Gender, r.Gender);
            Assert.Null(InputRules.PersonalNumber(r.PersonalNumber));
            Assert.True(r.Phone is null || InputRules.MobilePhone(r.Phone) is null);
            Assert.InRange(r.Name.Length, 2, 4);
        }
    }

    [Fact]
    public void Unit_tree_has_three_levels_and_every_unit_resolves_a_bank()
    {
        var units = new DemoDataGenerator(3).NextUnitTree(30);
        Assert.Contains(units, u => u.Level == 3);
        Assert.All(units, u => Assert.NotNull(u.ResolveBank()));
        Assert.Equal(units.Count, units.Select(u => u.Code).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Seeder_fills_an_empty_database_once(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Seeder_fills_an_empty_database_once));
        var seeder = new DemoSeeder(t.Database, TimeProvider.System);
        Assert.Equal(0, await seeder.SeedAsync(new DemoOptions { Seed = false }));
        var options = new DemoOptions { Seed = true, Units = 5, People = 120 };
        Assert.Equal(120, await seeder.SeedAsync(options));
        Assert.Equal(0, await seeder.SeedAsync(options));

        await using var db = t.NewContext();
        Assert.Equal(120, await db.People.CountAsync());
        Assert.Equal(120, await db.CardRecords.CountAsync());
        Assert.True(await db.CardRecords.Select(c => c.State).Distinct().CountAsync() >= 6);
        var admin = await db.StaffAccounts.SingleAsync();
        Assert.True(PasswordHasher.Verify(options.DemoPassword, admin.PasswordHash));
        var p = await db.People.FirstAsync();
        Assert.Null(ResidentIdNumber.Validate(p.IdNumber, DateOnly.FromDateTime(DateTime.UtcNow), out _));
        var hash = db.LookupHash(p.IdNumber);
        Assert.Equal(p.Id, (await db.People.SingleAsync(x => x.IdNumberHash == hash)).Id);
        Assert.Equal(5, await db.UnitAccounts.CountAsync());
        Assert.Equal(IdType.ResidentId, p.IdType);
    }
}
