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
        await using (var off = t.NewContext())
        {
            Assert.False(await off.StaffAccounts.AnyAsync()); // demo data off: not even the demo sign-ins
        }

        var options = new DemoOptions { Seed = true, Units = 5, People = 120 };
        Assert.Equal(120, await seeder.SeedAsync(options));
        Assert.Equal(0, await seeder.SeedAsync(options));

        await using var db = t.NewContext();
        Assert.Equal(120, await db.People.CountAsync());
        Assert.Equal(120, await db.CardRecords.CountAsync());
        Assert.True(await db.CardRecords.Select(c => c.State).Distinct().CountAsync() >= 6);
        // The demo staff: the administrator and one sign-in per role, seeded once.
        var staff = await db.StaffAccounts.AsNoTracking().ToDictionaryAsync(a => a.LoginName);
        Assert.Equal(new[] { DemoSeeder.AdminLogin }.Concat(DemoSeeder.DemoStaff.Select(s => s.Login)).Order(), staff.Keys.Order());
        Assert.Equal(StaffRole.Admin, staff[DemoSeeder.AdminLogin].Role);
        Assert.All(DemoSeeder.DemoStaff, s => Assert.Equal(s.Role, staff[s.Login].Role));
        Assert.All(staff.Values, a => Assert.True(PasswordHasher.Verify(options.DemoPassword, a.PasswordHash)));
        var p = await db.People.FirstAsync();
        Assert.Null(ResidentIdNumber.Validate(p.IdNumber, DateOnly.FromDateTime(DateTime.UtcNow), out _));
        var hash = db.LookupHash(p.IdNumber);
        Assert.Equal(p.Id, (await db.People.SingleAsync(x => x.IdNumberHash == hash)).Id);
        Assert.Equal(5, await db.UnitAccounts.CountAsync());
        Assert.Equal(IdType.ResidentId, p.IdType);
    }

    [Fact]
    public async Task Sample_photos_name_new_people_of_the_first_unit_and_the_sample_package_holds_them_in_its_folder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "demo-samples-" + Guid.NewGuid().ToString("N"));
        string images = Path.Combine(dir, "images");
        Directory.CreateDirectory(images);
        try
        {
            string[] numbers = ["0034757286", "0070828618", "0076238945"];
            foreach (string n in numbers)
            {
                await File.WriteAllBytesAsync(Path.Combine(images, n + ".jpg"), TestJpeg.Make(12 * 1024, n[^1]));
            }

            await File.WriteAllTextAsync(Path.Combine(images, "not-a-number.jpg"), "x");
            await File.WriteAllTextAsync(Path.Combine(dir, "labels.tsv"),
                "file\texpected\n0034757286.jpg\tcompliant\n0070828618.jpg\tbackground.color\n0076238945.jpg\tfile.format\n");
            Assert.Equal(numbers, DemoSamplePackage.PersonalNumbers(images));

            await using var t = await TestDatabase.CreateAsync("Sqlite", server, nameof(Sample_photos_name_new_people_of_the_first_unit_and_the_sample_package_holds_them_in_its_folder));
            Assert.Equal(23, await new DemoSeeder(t.Database, TimeProvider.System).SeedAsync(new DemoOptions { Seed = true, Units = 3, People = 20, SamplePhotos = images }));
            await using var db = t.NewContext();
            var first = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Code).FirstAsync();
            var samplePeople = await db.People.Where(p => numbers.Contains(p.PersonalNumber)).ToListAsync();
            Assert.Equal(3, samplePeople.Count);
            Assert.All(samplePeople, p => Assert.Equal(first.Id, p.UnitId));
            Assert.All(await db.CardRecords.Where(c => numbers.Contains(c.PersonalNumber)).ToListAsync(), c => Assert.Equal(CardState.Collecting, c.State));

            // The package: the compliant photo and the fixable failure, not the unfixable one, in the unit's folder.
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(DemoSamplePackage.BuildZip(images, first.Code)!));
            Assert.Equal([$"{first.Code}/0034757286.jpg", $"{first.Code}/0070828618.jpg"], zip.Entries.Select(e => e.FullName));
            Assert.Null(DemoSamplePackage.BuildZip(Path.Combine(dir, "missing"), first.Code));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
