using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Registry;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Demo;

/// <summary>Seeds an empty database with a unit tree, people and cards in every state, the demo staff (an administrator and
/// one sign-in per role, <see cref="DemoStaff"/>) and unit accounts. Does nothing when the flag is off; the units and
/// people only into a database without units, the staff only when they are missing (so restarts do not duplicate).</summary>
public sealed class DemoSeeder(PlatformDatabase database, TimeProvider time, IOptions<CentreOptions>? centre = null)
{
    public const string Actor = "system:demo";

    /// <summary>The demo administrator.</summary>
    public const string AdminLogin = "demo-admin";

    /// <summary>Demo staff besides <see cref="AdminLogin"/>: one per role, same demo password.</summary>
    public static readonly IReadOnlyList<(string Login, string Name, StaffRole Role)> DemoStaff =
    [
        ("reviewer", "预审员 王敏", StaffRole.Reviewer),
        ("operator", "制卡管理 李强", StaffRole.CardOperator),
        ("auditor", "审计 赵丽", StaffRole.Auditor),
        ("clerk", "柜面经办 陈静", StaffRole.Clerk),
    ];

    /// <summary>Returns the number of people created (0 when skipped).</summary>
    public async Task<int> SeedAsync(DemoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Seed)
        {
            return 0;
        }

        await SeedStaffAsync(options, cancellationToken).ConfigureAwait(false);
        await using (var check = database.CreateDbContext())
        {
            if (await check.Units.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }
        }

        var gen = new DemoDataGenerator(options.RandomSeed);
        var units = gen.NextUnitTree(options.Units, centre?.Value.BankList);
        await using (var db = database.CreateDbContext())
        {
            db.Units.AddRange(units);
            // One hash for every demo unit: PBKDF2 is slow on purpose.
            var unitHash = PasswordHasher.Hash(options.DemoPassword);
            foreach (var u in units.Where(u => u.Level == 1))
            {
                db.UnitAccounts.Add(new UnitAccount(u, unitHash));
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var rows = Enumerable.Range(0, options.People).Select(_ => gen.NextPerson(units[gen.Next(units.Count)].Id)).ToList();

        // The sample photos' people, in the first unit (the one the start-up banner names first).
        var taken = rows.Select(r => r.PersonalNumber).ToHashSet(StringComparer.Ordinal);
        var firstUnit = units.Where(u => u.Level == 1).OrderBy(u => u.Code, StringComparer.Ordinal).First();
        var samples = DemoSamplePackage.PersonalNumbers(options.SamplePhotos).Where(taken.Add).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(samples.Order(StringComparer.Ordinal).Select(number => gen.NextPerson(firstUnit.Id) with { PersonalNumber = number }));
        await PeopleBulkWriter.WriteAsync(database, rows, cancellationToken).ConfigureAwait(false);

        await using (var db = database.CreateDbContext())
        {
            var now = time.GetUtcNow();
            var people = await db.People.OrderBy(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var p in people)
            {
                var card = new CardRecord(p, now);
                db.CardRecords.Add(card);
                int stage = gen.Next(10);
                AdvanceCard(card, samples.Contains(p.PersonalNumber) ? 0 : stage, now); // sample people wait for their first photo
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return people.Count;
        }
    }

    /// <summary>The demo administrator and <see cref="DemoStaff"/>, each only when its login is not there yet.</summary>
    private async Task SeedStaffAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        var logins = new[] { AdminLogin }.Concat(DemoStaff.Select(s => s.Login)).ToList();
        var present = await db.StaffAccounts.Where(a => logins.Contains(a.LoginName)).Select(a => a.LoginName)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var missing = new[] { (Login: AdminLogin, Name: "演示管理员", Role: StaffRole.Admin) }.Concat(DemoStaff)
            .Where(s => !present.Contains(s.Login, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        // One hash for every demo sign-in: PBKDF2 is slow on purpose.
        var hash = PasswordHasher.Hash(options.DemoPassword);
        foreach (var (login, name, role) in missing)
        {
            db.StaffAccounts.Add(new StaffAccount(login, name, role, hash));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AdvanceCard(CardRecord card, int stage, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (stage == 0)
        {
            return;
        }

        if (stage == 1)
        {
            card.RecordPhotoReview(0, false, "背景不为纯白", now, Actor);
            return;
        }

        card.RecordPhotoReview(0, true, null, now, Actor);
        if (stage == 2)
        {
            return;
        }

        card.SendToCardCentre(now, Actor);
        if (stage == 3)
        {
            return;
        }

        if (stage == 4)
        {
            card.Void("文件名称在数据库系统不存在", now, Actor);
            return;
        }

        card.Ingest(now, Actor);
        if (stage == 5)
        {
            card.FailProduction("无照片", now, Actor);
            return;
        }

        var produced = stage >= 7 ? today.AddDays(-40) : today.AddDays(-5);
        card.MarkProduced(produced, now, Actor);
        if (stage >= 8)
        {
            card.MarkReadyForPickup(today, now, Actor);
        }

        if (stage == 9)
        {
            card.PickUp(now, Actor);
        }
    }
}
