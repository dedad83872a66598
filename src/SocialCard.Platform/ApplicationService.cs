using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform;

/// <summary>
/// The applicant wizard's applications (seed 004) after the draft: submission, changes and withdrawal inside the
/// 24-hour window (the hand-over job locks them afterwards). Submitting enters the card pipeline as unit photos do: the
/// pre-reviewed photo opens or moves the person's card, which waits for the hand-over before the card-centre export
/// takes it (24 小时后，采集到的信息将传递给社保局).
/// </summary>
public sealed class ApplicationService(PlatformDatabase database, TimeProvider time, Security.SameFaceService? faces = null)
{
    public const string ApplicantActor = "applicant";

    /// <summary>The reason a withdrawn application's card is voided with.</summary>
    public const string WithdrawnReason = "申请已撤回";

    private static readonly ValidationError WindowClosed = new("application", "提交已超过24小时，信息已移交社保局，不能再修改。",
        "More than 24 hours have passed since submission; the data has been handed over and can no longer be changed.");

    /// <summary>Submits the draft of <see cref="ApplicationSubmission.DraftToken"/> in place; returns the application id.
    /// Throws <see cref="SocialCardDomainException"/> with the reason when it cannot be submitted; nothing is written then.</summary>
    public async Task<long> SubmitAsync(ApplicationSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == submission.PersonId, cancellationToken).ConfigureAwait(false)
            ?? throw new SocialCardDomainException("申请人不存在。", "The applicant no longer exists.");

        // Only the holder of the phone on file submits for a person; that phone changes at the counter, never here.
        if (submission.VerifiedPhone is null || !string.Equals(person.Phone, submission.VerifiedPhone, StringComparison.Ordinal)
            || submission.VerifiedPersonId != person.Id)
        {
            throw new SocialCardDomainException("请先用证件登记的手机号码完成短信验证。", "Verify the code sent to the mobile number registered for this ID first.");
        }

        var form = submission.Form with { Phone = submission.VerifiedPhone };
        if (ApplicationFormValidator.Validate(form, DateOnly.FromDateTime(now.UtcDateTime)) is [var first, ..])
        {
            throw new SocialCardDomainException(first.Zh, first.En);
        }

        var unitId = submission.WorkUnitId ?? throw new SocialCardDomainException("请选择现今工作单位。", "Choose the current work unit.");
        var unit = await LoadUnitAsync(db, unitId, cancellationToken).ConfigureAwait(false)
            ?? throw new SocialCardDomainException("所选单位不存在。", "The chosen unit does not exist.");
        var bank = unit.ResolveBank()
            ?? throw new SocialCardDomainException("所选单位没有对应的开户银行，无法制卡。", "The chosen unit has no card bank.");
        // A passport holder has no Chinese ID card to show.
        var idImagesRequired = person.IdType == IdType.ResidentId;
        if (idImagesRequired && (submission.IdFront is null || submission.IdBack is null))
        {
            throw new SocialCardDomainException("请上传身份证正面和背面图片。", "Upload the front and back images of the ID card.");
        }

        var tokenHash = db.LookupHash(submission.DraftToken);
        var application = await db.Applications
            .FirstOrDefaultAsync(a => a.DraftTokenHash == tokenHash && a.State == ApplicationState.Draft && a.PersonId == person.Id, cancellationToken)
            .ConfigureAwait(false)
            ?? throw new SocialCardDomainException("申请草稿已过期，请重新填写。", "The draft has expired; please start again.");

        person.MoveToUnit(unit);
        person.Nationality = submission.Nationality ?? person.Nationality;
        var photo = await StorePhotoAsync(db, person, submission.Photo, now, cancellationToken).ConfigureAwait(false);

        application.Apply(form, now);
        application.AssignUnits(submission.InsuredUnitId, unit.Id, now);
        application.AttachPhoto(photo.Id, now);
        if (submission.IdFront is { } front && submission.IdBack is { } back)
        {
            application.AttachIdImages(front, back, now);
        }

        application.Submit(bank.BankCode, bank.Branch, now, idImagesRequired);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // The card: the passed photo opens the person's card or moves the open one, as a unit photo would; it is held
        // back from the card-centre export until the application is handed over. A photo waiting for centre staff leaves
        // the card where it is until they decide.
        var card = await CardLookup.ApplyReviewAsync(db, person, photo.Id, new PhotoReview(photo.Verdict, []), now,
            ApplicantActor + ":" + person.PersonalNumber, cancellationToken).ConfigureAwait(false);
        if (card.State == CardState.PhotoPassed && card.PhotoId == photo.Id)
        {
            card.HoldForApplication(application.Id);
        }

        db.AuditEvents.Add(new AuditEvent(now, ApplicantActor, AuditActions.ApplicationSubmitted, "application",
            application.Id.ToString(CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return application.Id;
    }

    /// <summary>Applies a change inside the 24-hour window, audited; false when the window has closed or the application
    /// is not a submitted one (nothing is written then). The phone is not changed here.</summary>
    public async Task<bool> ChangeAsync(long applicationId, ApplicationForm form, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null || application.State != ApplicationState.Submitted || !application.IsEditable(now))
        {
            return false;
        }

        application.Apply(form, now);
        db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.ApplicationEdited, "application", application.Id.ToString(CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Takes back a submitted application inside its change window (its owner, proven by the code sent to the
    /// phone on file, did not make it or no longer wants it): it is never handed over and the card it was holding is
    /// voided. False when the window has closed (nothing is written).</summary>
    public async Task<bool> WithdrawAsync(long applicationId, string actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null || application.State != ApplicationState.Submitted || !application.IsEditable(now))
        {
            return false;
        }

        application.Withdraw(now);
        var held = await db.CardRecords.Where(c => c.ApplicationId == application.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var card in held.Where(c => CardStateMachine.CanMove(c.State, CardState.Voided)))
        {
            card.Void(WithdrawnReason, now, actor);
        }

        db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.ApplicationWithdrawn, "application", application.Id.ToString(CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Another photo inside the 24-hour window (already pre-reviewed and passed, as in the wizard): it replaces
    /// the application's photo and moves the card held for the application, audited.</summary>
    public async Task<ServiceResult<bool>> ChangePhotoAsync(long applicationId, ApplicantPhoto photo, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(photo);
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var application = await db.Applications.Include(a => a.Person).FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null || application.State != ApplicationState.Submitted || !application.IsEditable(now))
        {
            return ServiceResult.Fail<bool>(WindowClosed);
        }

        var stored = await StorePhotoAsync(db, application.Person!, photo, now, cancellationToken).ConfigureAwait(false);
        application.AttachPhoto(stored.Id, now);
        var card = await db.CardRecords.Where(c => c.ApplicationId == application.Id).OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (card is not null && CardStateMachine.CanMove(card.State, CardState.PhotoPassed))
        {
            card.RecordPhotoReview(stored.Id, true, null, now, actor);
            card.HoldForApplication(application.Id);
        }

        db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.ApplicationEdited, "application", application.Id.ToString(CultureInfo.InvariantCulture), "photo"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(true);
    }

    /// <summary>Another work unit (现今工作单位) inside the 24-hour window; the bank follows it (no bank, no card: refused).
    /// Audited.</summary>
    public async Task<ServiceResult<bool>> ChangeWorkUnitAsync(long applicationId, long workUnitId, string actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var application = await db.Applications.Include(a => a.Person).FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null || application.State != ApplicationState.Submitted || !application.IsEditable(now))
        {
            return ServiceResult.Fail<bool>(WindowClosed);
        }

        var unit = await LoadUnitAsync(db, workUnitId, cancellationToken).ConfigureAwait(false);
        if (unit is null)
        {
            return ServiceResult.Fail<bool>(new ValidationError("workUnit", "所选单位不存在。", "The chosen unit does not exist."));
        }

        if (unit.ResolveBank() is not { } bank)
        {
            return ServiceResult.Fail<bool>(new ValidationError("workUnit", "所选单位没有对应的开户银行，无法制卡。", "The chosen unit has no card bank."));
        }

        application.ChangeWorkUnit(unit.Id, bank.BankCode, bank.Branch, now);
        application.Person!.MoveToUnit(unit);
        db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.ApplicationEdited, "application", application.Id.ToString(CultureInfo.InvariantCulture),
            "work-unit"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(true);
    }

    /// <summary>Another phone on file inside the 24-hour window. Call only once the applicant has proven the old phone
    /// (the change session's code) and the new one (a code sent to it, <see cref="Security.SmsCodeService"/>). Audited.</summary>
    public async Task<ServiceResult<bool>> ChangePhoneAsync(long applicationId, string newPhone, string actor, CancellationToken cancellationToken = default)
    {
        if (Domain.Validation.InputRules.MobilePhone(newPhone) is { } invalid)
        {
            return ServiceResult.Fail<bool>(invalid);
        }

        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var application = await db.Applications.Include(a => a.Person).FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (application is null || application.State != ApplicationState.Submitted || !application.IsEditable(now))
        {
            return ServiceResult.Fail<bool>(WindowClosed);
        }

        application.Person!.Phone = newPhone.Trim();
        db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.ApplicationEdited, "application", application.Id.ToString(CultureInfo.InvariantCulture), "phone"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(true);
    }

    public async Task<Application?> GetAsync(long applicationId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        return await db.Applications.AsNoTracking().Include(a => a.Person).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The unit with its parents (three levels at most), for the bank.</summary>
    private static Task<Unit?> LoadUnitAsync(PlatformDbContext db, long id, CancellationToken cancellationToken) =>
        db.Units.Include(u => u.Parent).ThenInclude(p => p!.Parent).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>The uploaded photo as a new applicant photo with its pre-review, or the passed photo on file. Saves. A face
    /// that matches a photo on file for another person sends the photo to centre review (<see cref="Security.SameFaceService"/>).</summary>
    private async Task<Photo> StorePhotoAsync(PlatformDbContext db, Person person, ApplicantPhoto? upload, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (upload is null)
        {
            return await db.Photos.Where(p => p.PersonId == person.Id && p.Verdict == PhotoVerdict.Passed)
                .OrderByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new SocialCardDomainException("没有可用的证件照，请上传照片。", "There is no photo on file; upload one.");
        }

        var photo = new Photo(PhotoChannel.Applicant, person.PersonalNumber + ".jpg", upload.Original, now, person.Id);
        var fixedBytes = upload.Fixed is { } f && !f.AsSpan().SequenceEqual(upload.Original) ? f : null;
        PhotoVerdict verdict = upload.NeedsReview ? PhotoVerdict.NeedsReview : PhotoVerdict.Passed;
        var findingsJson = upload.FindingsJson;
        if (faces is not null && await faces.MatchesAnotherAsync(db, photo, person.Id, upload.Original, verdict, cancellationToken).ConfigureAwait(false))
        {
            verdict = PhotoVerdict.NeedsReview;
            findingsJson = Security.SameFaceService.WithFinding(findingsJson);
        }

        photo.RecordReview(verdict, findingsJson, now, fixedBytes);
        db.Photos.Add(photo);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.AuditEvents.Add(new AuditEvent(now, ApplicantActor, AuditActions.PhotoReviewed, "photo", photo.Id.ToString(CultureInfo.InvariantCulture),
            $"{PhotoChannel.Applicant}: {verdict}"));
        return photo;
    }
}
