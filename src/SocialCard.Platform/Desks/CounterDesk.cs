using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Reports;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Desks;

/// <summary>
/// 柜面提交纸质照片 (seed 000 五.2): a unit brings the paper photos of its card-failure and no-photo people with the
/// 申领表 and 采集表 to the counter. The clerk finds each person within the unit they selected (lists masked; the full
/// record only on the person's own page, audited), scans the photo, and records it here: the photo enters the same
/// pre-review and card pipeline as every photo (<see cref="PhotoSubmissionService"/>, channel
/// <see cref="PhotoChannel.Counter"/>), together with the forms received, in one transaction with its audit event.
/// </summary>
public sealed class CounterDesk(PlatformDatabase database, PhotoSubmissionService photos, PeopleQueryService people, TimeProvider time)
{
    public const string SubmittedAction = "counter.submit";
    public const string ReceiptAction = "counter.receipt";

    /// <summary>Largest scan the counter accepts (bytes).</summary>
    public const int MaxPhotoBytes = 20 * 1024 * 1024;

    /// <summary>People of the unit (and its sub-units) with this personal number or ID number; masked. Audited.</summary>
    public async Task<ServiceResult<IReadOnlyList<CounterPerson>>> FindAsync(string unitCode, string query, string staffActor,
        CancellationToken cancellationToken = default)
    {
        string q = (query ?? "").Trim().ToUpperInvariant();
        if (q.Length == 0)
        {
            return ServiceResult.Fail<IReadOnlyList<CounterPerson>>(new ValidationError("query", "请输入个人编号或身份证号码。",
                "Enter the personal number or the ID number."));
        }

        await using PlatformDbContext db = database.CreateDbContext();
        if (await UnitAsync(db, unitCode, cancellationToken).ConfigureAwait(false) is not { } unit)
        {
            return ServiceResult.Fail<IReadOnlyList<CounterPerson>>(UnknownUnit(unitCode));
        }

        HashSet<long> tree = await UnitTree.IdsAsync(db, unit.Id, cancellationToken).ConfigureAwait(false);
        IQueryable<Person> inUnit = db.People.AsNoTracking().Where(p => p.UnitId != null && tree.Contains(p.UnitId.Value));
        bool byNumber = q.Length == 10 && q.All(char.IsAsciiDigit);
        byte[] hash = db.LookupHash(q);
        List<Person> found = await (byNumber ? inUnit.Where(p => p.PersonalNumber == q) : inUnit.Where(p => p.IdNumberHash == hash))
            .OrderBy(p => p.PersonalNumber).Take(20).ToListAsync(cancellationToken).ConfigureAwait(false);
        List<long> ids = [.. found.Select(p => p.Id)];
        Dictionary<long, CardRecord> cards = await CardLookup.OpenCardsAsync(db, ids, cancellationToken).ConfigureAwait(false);
        HashSet<long> withPhoto = [.. await db.Photos.AsNoTracking().Where(p => p.PersonId != null && ids.Contains(p.PersonId.Value))
            .Select(p => p.PersonId!.Value).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false)];
        Dictionary<long, string> codes = await db.Units.AsNoTracking().Where(u => tree.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken)
            .ConfigureAwait(false);
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), staffActor, AuditActions.PersonSearched, "unit", unit.Code,
            $"柜面查询：{(byNumber ? "个人编号 " + q : "证件号码 " + PersonalDataMask.IdNumber(q))}；{found.Count} 人"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok<IReadOnlyList<CounterPerson>>([.. found.Select(p => new CounterPerson(p.PersonalNumber, PersonalDataMask.Name(p.Name),
            PersonalDataMask.IdNumber(p.IdNumber), p.UnitId is { } u ? codes.GetValueOrDefault(u) : null,
            cards.TryGetValue(p.Id, out CardRecord? c) ? c.State : null, withPhoto.Contains(p.Id)))]);
    }

    /// <summary>The person's page: full record (audited as a view), card and counter submissions. Null when the person
    /// is not one of the unit's people.</summary>
    public async Task<CounterPersonView?> PersonAsync(string unitCode, string personalNumber, string staffActor, CancellationToken cancellationToken = default)
    {
        long personId;
        CardRecord? card;
        List<CounterSubmissionView> submissions;
        await using (PlatformDbContext db = database.CreateDbContext())
        {
            if (await PersonInUnitAsync(db, unitCode, personalNumber, cancellationToken).ConfigureAwait(false) is not { } found)
            {
                return null;
            }

            personId = found.Person.Id;
            card = await db.CardRecords.AsNoTracking().Where(c => c.PersonId == personId).OrderByDescending(c => c.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            submissions = await (from s in db.CounterSubmissions.AsNoTracking()
                                 join ph in db.Photos.AsNoTracking() on s.PhotoId equals ph.Id
                                 where s.PersonId == personId
                                 orderby s.Id descending
                                 select new CounterSubmissionView(s.Id, s.PhotoId, s.ReceivedAt, ph.Verdict, s.ApplicationFormReceived,
                                     s.CollectionFormReceived, s.StaffActor)).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        PersonDetail? detail = await people.GetAsync(personId, staffActor, cancellationToken).ConfigureAwait(false);
        return detail is null ? null : new CounterPersonView(detail, card?.State, card?.Reason, submissions);
    }

    /// <summary>
    /// Records the paper submission: the person must be the unit's, the scan not empty and not a file already on file
    /// for someone else. A card that failed production or was voided is moved back into review first (the same step
    /// as a unit's resubmission), then the scan is pre-reviewed and stored with the forms received, all in one
    /// transaction with the audit event.
    /// </summary>
    public async Task<ServiceResult<CounterSubmitted>> SubmitAsync(CounterIntake intake, string profileId, string staffActor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intake);
        if (intake.Photo.Length == 0)
        {
            return ServiceResult.Fail<CounterSubmitted>(new ValidationError("photo", "请上传扫描或拍摄的纸质照片。", "Upload the scan or photograph of the paper photo."));
        }

        if (intake.Photo.Length > MaxPhotoBytes)
        {
            return ServiceResult.Fail<CounterSubmitted>(new ValidationError("photo", "扫描文件过大，请以 300～600 dpi 重新扫描照片本身（不要扫描整页）。",
                "The scan is too large: scan just the photo again at 300-600 dpi (not the whole page)."));
        }

        await using PlatformDbContext db = database.CreateDbContext();
        if (await PersonInUnitAsync(db, intake.UnitCode, intake.PersonalNumber, cancellationToken, tracked: true).ConfigureAwait(false) is not { } found)
        {
            return ServiceResult.Fail<CounterSubmitted>(NotInUnit(intake.UnitCode, intake.PersonalNumber));
        }

        Person person = found.Person;
        if (await UnitBatchService.IsOnFileForAnotherAsync(db, database.Protector.ContentHash(intake.Photo), person.PersonalNumber, cancellationToken)
            .ConfigureAwait(false))
        {
            return ServiceResult.Fail<CounterSubmitted>(new ValidationError("photo",
                "这张照片（文件完全相同）已作为其他人的照片提交过：每人须提交本人照片，请核对后重新扫描本人的照片。",
                "This exact file was already submitted as another person's photo: each person needs their own; check and scan this person's photo."));
        }

        DateTimeOffset now = time.GetUtcNow();
        if (await CardLookup.OpenCardAsync(db, person.Id, cancellationToken).ConfigureAwait(false) is { } card)
        {
            if (card.State == CardState.Voided)
            {
                card.Reopen(now, staffActor);
            }
            else if (card.State == CardState.ProductionFailed)
            {
                card.Resubmit(now, staffActor);
            }
        }

        CounterSubmission? submission = null;
        (Photo photo, PhotoReview review) = await photos.ReviewAndStoreAsync(db, person, PhotoChannel.Counter, intake.Photo, person.PersonalNumber + ".jpg",
            profileId, staffActor, cancellationToken, stored =>
            {
                submission = new CounterSubmission(found.UnitId, person.Id, stored.Id, now, staffActor, intake.ApplicationFormReceived, intake.CollectionFormReceived);
                db.CounterSubmissions.Add(submission);
                db.AuditEvents.Add(new AuditEvent(now, staffActor, SubmittedAction, "person", person.PersonalNumber,
                    $"单位 {found.UnitCode}；申领表{(intake.ApplicationFormReceived ? "已收" : "未收")}；采集表{(intake.CollectionFormReceived ? "已收" : "未收")}；预审{VerdictZh(stored.Verdict)}"));
            }).ConfigureAwait(false);
        return ServiceResult.Ok(new CounterSubmitted(submission!.Id, photo.Id, person.PersonalNumber, review));
    }

    /// <summary>The original of a counter photo taken for the unit, for the automatic fix; null when it is no counter
    /// photo of the unit's people.</summary>
    public async Task<CounterFixSource?> FixSourceAsync(string unitCode, long submissionId, CancellationToken cancellationToken = default)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        if (await UnitAsync(db, unitCode, cancellationToken).ConfigureAwait(false) is not { } unit)
        {
            return null;
        }

        HashSet<long> tree = await UnitTree.IdsAsync(db, unit.Id, cancellationToken).ConfigureAwait(false);
        var row = await (from s in db.CounterSubmissions.AsNoTracking()
                         join ph in db.Photos.AsNoTracking() on s.PhotoId equals ph.Id
                         join p in db.People.AsNoTracking() on s.PersonId equals p.Id
                         where s.Id == submissionId && p.UnitId != null && tree.Contains(p.UnitId.Value)
                         select new { s.Id, s.PhotoId, p.PersonalNumber, ph.OriginalKey, s.ApplicationFormReceived, s.CollectionFormReceived })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null || await db.ReadFileAsync(row.OriginalKey, cancellationToken).ConfigureAwait(false) is not { } original
            ? null
            : new CounterFixSource(row.Id, row.PhotoId, row.PersonalNumber, original, row.ApplicationFormReceived, row.CollectionFormReceived);
    }

    /// <summary>回执: the unit's counter submissions of one day (China time), one line per person (the latest photo; the
    /// forms of all that day's submissions). Null when no unit has the code. Printing it is audited.</summary>
    public async Task<CounterReceipt?> ReceiptAsync(string unitCode, DateOnly day, string staffActor, CancellationToken cancellationToken = default)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        if (await UnitAsync(db, unitCode, cancellationToken).ConfigureAwait(false) is not { } unit)
        {
            return null;
        }

        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), FailureReportOptions.ChinaStandardTime);
        DateTimeOffset end = start.AddDays(1);
        var rows = await (from s in db.CounterSubmissions.AsNoTracking()
                          join ph in db.Photos.AsNoTracking() on s.PhotoId equals ph.Id
                          join p in db.People.AsNoTracking() on s.PersonId equals p.Id
                          where s.UnitId == unit.Id && s.ReceivedAt >= start && s.ReceivedAt < end
                          select new { s.Id, p.PersonalNumber, p.Name, ph.Verdict, s.ApplicationFormReceived, s.CollectionFormReceived, s.ReceivedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // One line per person: the latest photo's verdict, and a form counts as received if it came with any of the day's submissions.
        List<CounterReceiptLine> lines = [.. rows.GroupBy(r => r.PersonalNumber, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Latest: g.MaxBy(r => r.Id)!, Application: g.Any(r => r.ApplicationFormReceived), Collection: g.Any(r => r.CollectionFormReceived)))
            .Select(x => new CounterReceiptLine(x.Latest.Id, x.Latest.PersonalNumber, PersonalDataMask.Name(x.Latest.Name), x.Latest.Verdict, x.Application,
                x.Collection, x.Latest.ReceivedAt))];
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), staffActor, ReceiptAction, "unit", unit.Code,
            string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd} 回执：{lines.Count} 人")));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CounterReceipt(unit.Code, unit.Name, day, lines);
    }

    private static string VerdictZh(PhotoVerdict verdict) => verdict switch
    {
        PhotoVerdict.Passed => "合格",
        PhotoVerdict.Failed => "不合格",
        _ => "待人工复核",
    };

    private static ValidationError UnknownUnit(string unitCode) =>
        new("unit", $"没有单位代码为 {unitCode?.Trim()} 的参保单位。", $"No unit has the code {unitCode?.Trim()}.");

    private static ValidationError NotInUnit(string unitCode, string personalNumber) =>
        new("number", $"单位 {unitCode?.Trim()}（含下级单位）没有个人编号为 {personalNumber?.Trim()} 的人员。",
            $"Unit {unitCode?.Trim()} (sub-units included) has no person with the personal number {personalNumber?.Trim()}.");

    private static Task<Unit?> UnitAsync(PlatformDbContext db, string unitCode, CancellationToken ct)
    {
        string code = (unitCode ?? "").Trim();
        return db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);
    }

    private static async Task<(Person Person, long UnitId, string UnitCode)?> PersonInUnitAsync(PlatformDbContext db, string unitCode, string personalNumber,
        CancellationToken ct, bool tracked = false)
    {
        if (await UnitAsync(db, unitCode, ct).ConfigureAwait(false) is not { } unit)
        {
            return null;
        }

        HashSet<long> tree = await UnitTree.IdsAsync(db, unit.Id, ct).ConfigureAwait(false);
        string number = (personalNumber ?? "").Trim();
        IQueryable<Person> query = tracked ? db.People : db.People.AsNoTracking();
        Person? person = await query.FirstOrDefaultAsync(p => p.PersonalNumber == number && p.UnitId != null && tree.Contains(p.UnitId.Value), ct)
            .ConfigureAwait(false);
        return person is null ? null : (person, unit.Id, unit.Code);
    }
}
