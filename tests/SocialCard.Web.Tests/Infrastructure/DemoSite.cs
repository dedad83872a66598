using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Demo;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Registry;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// The host with the Platform's demo data (units, people, cards, accounts), real sign-in, and the job workers on.
/// Provider and connection come from <see cref="Configure"/> (SQLite file by default).
/// </summary>
public class DemoSite : SiteFactory
{
    public const string Password = "Demo@2026";

    public DemoSite()
    {
        UseTestAccounts = false;
        Settings["Demo:Seed"] = "true";
        Settings["Demo:Units"] = "4";
        Settings["Demo:People"] = "200";
        Settings["Site:RunWorkers"] = "true";
        Settings["Jobs:PollInterval"] = "00:00:00.100";

        // The scenarios drive exports and hand-overs themselves; a scheduled export at the top of an hour would move
        // their cards behind their backs. The scheduler has its own test (RecurringJobSchedulerTests).
        Settings["Jobs:RunScheduler"] = "false";
    }

    public PlatformDatabase Database => Services.GetRequiredService<PlatformDatabase>();

    /// <summary>Top-level unit codes with a sign-in, in code order.</summary>
    public async Task<IReadOnlyList<(string Code, long Id)>> UnitsAsync()
    {
        await using PlatformDbContext db = Database.CreateDbContext();
        var rows = await db.UnitAccounts.Join(db.Units, a => a.LoginName, u => u.Code, (a, u) => new { u.Code, u.Id }).ToListAsync();
        return [.. rows.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => (r.Code, r.Id))];
    }

    private static int s_nextNumber;

    /// <summary>Full ID numbers of the people made by <see cref="PeopleOfAsync"/>, by personal number.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> IdNumbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Full names of the people made by <see cref="PeopleOfAsync"/>, by personal number.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers <paramref name="count"/> new people (no card yet) directly in the unit, as a registry import would,
    /// and returns their personal numbers ("09" + 8 digits, apart from the demo data's "01...").
    /// </summary>
    public async Task<IReadOnlyList<string>> PeopleOfAsync(long unitId, int count)
    {
        var generator = new DemoDataGenerator(777 + Interlocked.Increment(ref s_nextNumber));
        var rows = new List<PersonRow>(count);
        for (int i = 0; i < count; i++)
        {
            PersonRow row = generator.NextPerson(unitId);
            string number = "09" + Interlocked.Increment(ref s_nextNumber).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row with { PersonalNumber = number, IdNumber = row.IdNumber[..14] + number[^3..] + ResidentCheck(row.IdNumber[..14] + number[^3..]) });
        }

        await PeopleBulkWriter.WriteAsync(Database, rows);
        foreach (PersonRow row in rows)
        {
            IdNumbers[row.PersonalNumber] = row.IdNumber;
            Names[row.PersonalNumber] = row.Name;
        }

        return [.. rows.Select(r => r.PersonalNumber)];
    }

    private static char ResidentCheck(string first17) => SocialCard.Platform.Domain.Validation.ResidentIdNumber.ComputeCheckChar(first17);

    public async Task<CardState?> CardStateAsync(string personalNumber)
    {
        await using PlatformDbContext db = Database.CreateDbContext();
        return await db.CardRecords.Where(c => c.PersonalNumber == personalNumber).OrderByDescending(c => c.Id)
            .Select(c => (CardState?)c.State).FirstOrDefaultAsync();
    }

    /// <summary>Photo ids of a batch, by the personal number of the person each photo is for.</summary>
    public async Task<IReadOnlyDictionary<string, long>> PhotoIdsAsync(long batchId)
    {
        await using PlatformDbContext db = Database.CreateDbContext();
        var rows = await (from ph in db.Photos
                          join p in db.People on ph.PersonId equals p.Id
                          where ph.BatchId == batchId
                          select new { p.PersonalNumber, ph.Id }).ToListAsync();
        return rows.ToDictionary(r => r.PersonalNumber, r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// A unit package: devset photos renamed "&lt;unit&gt;/&lt;number&gt;.jpg". Returns the zip and, per number, the
    /// devset label of the photo used.
    /// </summary>
    public static (byte[] Zip, IReadOnlyDictionary<string, string> Labels) BuildPackage(string unitCode, IReadOnlyList<string> numbers, IReadOnlyList<string> files)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = DevsetPhotos.Labels.ToDictionary(l => l.File, l => l.Expected, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (int i = 0; i < numbers.Count; i++)
            {
                ZipArchiveEntry entry = zip.CreateEntry($"{unitCode}/{numbers[i]}.jpg", CompressionLevel.NoCompression);
                using Stream s = entry.Open();
                s.Write(DevsetPhotos.Read(files[i]));
                labels[numbers[i]] = all[files[i]];
            }
        }

        return (buffer.ToArray(), labels);
    }
}
