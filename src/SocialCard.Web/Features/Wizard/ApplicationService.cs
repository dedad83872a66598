using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Write side of the wizard over Platform storage: turns a finished draft into a submitted <see cref="Application"/>
/// (photo, ID images, work unit, phone; bank from the unit tree), reads it back for the PDF and the change page,
/// applies changes inside the 24-hour window and hands over what is due.
/// </summary>
public sealed class ApplicationService(PlatformDatabase database, TimeProvider clock)
{
    public async Task<ApplicationView> SubmitAsync(WizardDraft draft, CancellationToken cancellationToken)
    {
        DateTimeOffset now = clock.GetUtcNow();
        await using PlatformDbContext db = database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Person person = await db.People.FirstOrDefaultAsync(p => p.Id == draft.Person!.PersonId, cancellationToken).ConfigureAwait(false)
            ?? throw new SocialCardDomainException("申请人不存在。", "The applicant no longer exists.");
        long unitId = draft.WorkUnitLevel3Id ?? draft.WorkUnitLevel2Id ?? draft.WorkUnitId
            ?? throw new SocialCardDomainException("请选择现今工作单位。", "Choose the current work unit.");
        Unit unit = await PlatformApplicantRegistry.LoadUnitAsync(db, unitId, cancellationToken).ConfigureAwait(false)
            ?? throw new SocialCardDomainException("所选单位不存在。", "The chosen unit does not exist.");
        (string BankCode, string? Branch) bank = unit.ResolveBank()
            ?? throw new SocialCardDomainException("所选单位没有对应的开户银行，无法制卡。", "The chosen unit has no card bank.");

        // Only the holder of the phone on file submits for a person; that phone changes at the counter, never here.
        if (draft.VerifiedMobile is null || !string.Equals(person.Phone, draft.VerifiedMobile, StringComparison.Ordinal) || draft.VerifiedPersonId != person.Id)
        {
            throw new SocialCardDomainException("请先用证件登记的手机号码完成短信验证。", "Verify the code sent to the mobile number registered for this ID first.");
        }

        person.MoveToUnit(unit);
        person.Nationality = draft.Nationality ?? person.Nationality;

        long photoId;
        if (draft.KeepPhotoOnFile)
        {
            photoId = await db.Photos.Where(p => p.PersonId == person.Id && p.Verdict == PhotoVerdict.Passed)
                .OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            byte[] original = draft.PhotoOriginal ?? draft.Photo!;
            var photo = new Photo(PhotoChannel.Applicant, person.PersonalNumber + ".jpg", original, now, person.Id);
            bool fixedPhoto = draft.Photo is not null && !original.AsSpan().SequenceEqual(draft.Photo);
            photo.RecordReview(PhotoVerdict.Passed, ReviewJson(draft.PhotoPreReview), now, fixedPhoto ? draft.Photo : null);
            db.Photos.Add(photo);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            photoId = photo.Id;
        }

        // The draft's own row (started at the identity step) is submitted in place.
        byte[] tokenHash = db.LookupHash(draft.Id);
        Application application = await db.Applications
            .FirstOrDefaultAsync(a => a.DraftTokenHash == tokenHash && a.State == ApplicationState.Draft && a.PersonId == person.Id, cancellationToken)
            .ConfigureAwait(false)
            ?? throw new SocialCardDomainException("申请草稿已过期，请重新填写。", "The draft has expired; please start again.");
        application.Apply(ToForm(draft), now);
        application.AttachPhoto(photoId, now);
        application.AttachIdImages(draft.IdCardFront!, draft.IdCardBack!, now);
        application.Submit(bank.BankCode, bank.Branch, now, idImagesRequired: draft.IdType == IdType.ResidentId);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.AuditEvents.Add(InsuredUnitRecord.Event(application.Id, draft.Person!.InsuredUnit?.Id, unit.Id, now));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await GetAsync(application.Id, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<ApplicationView?> GetAsync(long applicationId, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        Application? application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        return application is null ? null : await ToViewAsync(db, application, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The person's newest submitted application, found by the exact ID number.</summary>
    public async Task<ApplicationView?> FindLatestAsync(IdType idType, string countryCode, string idNumber, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        Person? person = await PlatformApplicantRegistry.FindPersonEntityAsync(db, idType, countryCode, idNumber, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return null;
        }

        Application? application = await db.Applications
            .Where(a => a.PersonId == person.Id && a.State != ApplicationState.Draft)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return application is null ? null : await ToViewAsync(db, application, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies a change; false when the 24-hour window has closed (nothing is written then).</summary>
    public async Task<bool> ChangeAsync(long applicationId, ApplicationChange change, CancellationToken cancellationToken)
    {
        DateTimeOffset now = clock.GetUtcNow();
        await using PlatformDbContext db = database.CreateDbContext();
        Application? application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null || !application.IsEditable(now) || application.State != ApplicationState.Submitted)
        {
            return false;
        }

        application.Apply(new ApplicationForm
        {
            IdIssuingAuthority = change.IdIssuingAuthority,
            IdValidFrom = change.IdValidFrom,
            IdValidUntil = change.IdValidUntil,
            IdValidLongTerm = change.IdValidLongTerm,
            HouseholdAddress = change.HouseholdAddress,
            ResidentialAddress = change.ResidentialAddress,
            PostalCode = change.PostalCode,
            OccupationCode = change.OccupationCode,
            EducationCode = change.EducationCode,
        }, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Takes back a submitted application inside its change window (its owner, proven by the code sent to the
    /// phone on file, did not make it or no longer wants it); false when the window has closed (nothing is written).</summary>
    public async Task<bool> WithdrawAsync(long applicationId, CancellationToken cancellationToken)
    {
        DateTimeOffset now = clock.GetUtcNow();
        await using PlatformDbContext db = database.CreateDbContext();
        Application? application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null || !application.IsEditable(now) || application.State != ApplicationState.Submitted)
        {
            return false;
        }

        application.Withdraw(now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Locks and hands over every submitted application whose window has ended; returns how many.</summary>
    public async Task<int> HandOverDueAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = clock.GetUtcNow();
        await using PlatformDbContext db = database.CreateDbContext();
        List<Application> due = await db.Applications
            .Where(a => a.State == ApplicationState.Submitted && a.EditableUntil <= now)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (Application application in due)
        {
            application.HandOver(now);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return due.Count;
    }

    private static ApplicationForm ToForm(WizardDraft draft) => new()
    {
        IdIssuingAuthority = draft.IdIssuingAuthority,
        IdValidFrom = draft.IdValidFrom,
        IdValidUntil = draft.IdValidUntil,
        IdValidLongTerm = draft.IdValidLongTerm,
        HouseholdAddress = draft.HouseholdAddress,
        ResidentialAddress = draft.ResidentialAddress,
        PostalCode = draft.PostalCode,
        Phone = draft.VerifiedMobile,
        OccupationCode = draft.OccupationCode,
        EducationCode = draft.EducationCode,
    };

    private static string ReviewJson(PhotoPreReview? review) =>
        review is null ? "[]" : System.Text.Json.JsonSerializer.Serialize(review.Items.Select(i => new { rule = i.RuleId, passed = i.Passed, zh = i.Zh, en = i.En }));

    private async Task<ApplicationView> ToViewAsync(PlatformDbContext db, Application application, CancellationToken cancellationToken)
    {
        Person person = await db.People.Include(p => p.Unit).ThenInclude(u => u!.Parent).ThenInclude(u => u!.Parent)
            .FirstAsync(p => p.Id == application.PersonId, cancellationToken).ConfigureAwait(false);
        byte[]? photo = null;
        if (application.PhotoId is { } photoId)
        {
            Photo? stored = await db.Photos.FirstOrDefaultAsync(p => p.Id == photoId, cancellationToken).ConfigureAwait(false);
            photo = stored?.Fixed ?? stored?.Original;
        }

        var path = new List<UnitChoice>();
        for (Unit? u = person.Unit; u is not null; u = u.Parent)
        {
            path.Insert(0, PlatformApplicantRegistry.ToChoice(u));
        }

        UnitChoice? insured = path.Count > 0 ? path[0] : null;
        if (await InsuredUnitRecord.FindForApplicationAsync(db, application.Id, cancellationToken).ConfigureAwait(false) is { } insuredId
            && await PlatformApplicantRegistry.LoadUnitAsync(db, insuredId, cancellationToken).ConfigureAwait(false) is { } insuredUnit)
        {
            insured = PlatformApplicantRegistry.ToChoice(insuredUnit);
        }

        return new ApplicationView
        {
            Id = application.Id,
            Reference = ApplicationView.ReferenceFor(application.Id, database.Protector),
            State = application.State,
            SubmittedAt = application.SubmittedAt ?? application.CreatedAt,
            EditableUntil = application.EditableUntil ?? application.CreatedAt,
            IdType = person.IdType,
            IdNumber = person.IdNumber,
            Name = person.Name,
            Gender = person.Gender,
            Nationality = person.Nationality,
            SocialSecurityNumber = person.SocialSecurityNumber ?? string.Empty,
            Phone = person.Phone,
            InsuredUnit = insured,
            WorkUnitPath = path,
            BankCode = application.BankCode,
            BankBranch = application.BankBranch,
            IdIssuingAuthority = application.IdIssuingAuthority,
            IdValidFrom = application.IdValidFrom,
            IdValidUntil = application.IdValidUntil,
            IdValidLongTerm = application.IdValidLongTerm,
            HouseholdAddress = application.HouseholdAddress,
            ResidentialAddress = application.ResidentialAddress,
            PostalCode = application.PostalCode,
            OccupationCode = application.OccupationCode,
            EducationCode = application.EducationCode,
            Photo = photo,
            IdFront = application.IdFrontImage,
            IdBack = application.IdBackImage,
        };
    }
}
