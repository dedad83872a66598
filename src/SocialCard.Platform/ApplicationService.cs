using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform;

/// <summary>The applicant wizard (seed 004): find the person by ID, fill the form, upload ID images, submit; edits are
/// allowed for 24 hours after submission, then the hand-over job locks the application.</summary>
public sealed class ApplicationService(PlatformDatabase database, TimeProvider time)
{
    /// <summary>Step 1: the applicant's ID. Returns the open application (creating a draft) for a known person.</summary>
    public async Task<ServiceResult<long>> StartAsync(IdType idType, string idNumber, string? countryCode, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        string normalized;
        string country;
        if (idType == IdType.ResidentId)
        {
            if (ResidentIdNumber.Validate(idNumber, DateOnly.FromDateTime(now.UtcDateTime), out var info) is { } e)
            {
                return ServiceResult.Fail<long>(e);
            }

            normalized = info.Number;
            country = "CHN";
        }
        else
        {
            if (InputRules.Passport(idNumber, countryCode) is { } e)
            {
                return ServiceResult.Fail<long>(e);
            }

            normalized = idNumber.Trim().ToUpperInvariant();
            country = countryCode!.Trim().ToUpperInvariant();
        }

        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(normalized);
        var person = await db.People.SingleOrDefaultAsync(p => p.IdNumberHash == hash && p.IdType == idType && p.CountryCode == country, cancellationToken)
            .ConfigureAwait(false);
        if (person is null)
        {
            return ServiceResult.Fail<long>(new ValidationError("idNumber",
                "证件号码无对应社保信息，可能是政府社保信息库内证件号码缺失或错误，请联系经办机构。",
                "No social security record matches this ID number; please contact the agency."));
        }

        var open = await db.Applications.Where(a => a.PersonId == person.Id && a.State != ApplicationState.HandedOver)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (open is not null)
        {
            return ServiceResult.Ok(open.Id);
        }

        var app = new Application(person, now);
        db.Applications.Add(app);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(app.Id);
    }

    /// <summary>Validates and stores the form (and the phone on the person). Nothing is stored when there are errors.</summary>
    public async Task<ServiceResult<bool>> SaveFormAsync(long applicationId, ApplicationForm form, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = time.GetUtcNow();
        var errors = ApplicationFormValidator.Validate(form, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            return ServiceResult.Fail<bool>(errors);
        }

        await using var db = database.CreateDbContext();
        var app = await db.Applications.Include(a => a.Person).SingleAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (!app.IsEditable(now))
        {
            return ServiceResult.Fail<bool>(new ValidationError("application", "提交已超过24小时，信息已移交社保局，不能再修改。",
                "More than 24 hours have passed since submission; the data can no longer be changed."));
        }

        var wasSubmitted = app.State == ApplicationState.Submitted;
        app.Apply(form, now);
        app.Person!.Phone = form.Phone!.Trim();
        if (wasSubmitted)
        {
            db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.ApplicationEdited, "application", app.Id.ToString(CultureInfo.InvariantCulture)));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(true);
    }

    public async Task AttachIdImagesAsync(long applicationId, byte[] front, byte[] back, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var app = await db.Applications.SingleAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        app.AttachIdImages(front, back, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits: the bank comes from the person's current work unit (no unit, no bank: no card, seed 004).</summary>
    public async Task<ServiceResult<DateTimeOffset>> SubmitAsync(long applicationId, string actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var app = await db.Applications.Include(a => a.Person).SingleAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        await db.Units.LoadAsync(cancellationToken).ConfigureAwait(false);
        var errors = ApplicationFormValidator.Validate(new ApplicationForm
        {
            IdIssuingAuthority = app.IdIssuingAuthority,
            IdValidFrom = app.IdValidFrom,
            IdValidUntil = app.IdValidUntil,
            IdValidLongTerm = app.IdValidLongTerm,
            HouseholdAddress = app.HouseholdAddress,
            ResidentialAddress = app.ResidentialAddress,
            PostalCode = app.PostalCode,
            Phone = app.Person!.Phone,
            OccupationCode = app.OccupationCode,
            EducationCode = app.EducationCode,
        }, DateOnly.FromDateTime(now.UtcDateTime)).ToList();
        var bank = app.Person.Unit?.ResolveBank();
        if (bank is null)
        {
            errors.Add(new ValidationError("unit", "请选择现今工作单位：无工作单位将无法产生对应的开户银行，无法制卡。",
                "Choose the current work unit: without it there is no issuing bank and no card can be made."));
        }

        if (app.IdFrontImage is null || app.IdBackImage is null)
        {
            errors.Add(new ValidationError("idImages", "请上传身份证正面和背面图片。", "Upload the front and back images of the ID card."));
        }

        if (app.State != ApplicationState.Draft)
        {
            errors.Add(new ValidationError("application", "该申请已提交。", "This application has already been submitted."));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail<DateTimeOffset>(errors);
        }

        app.Submit(bank!.Value.BankCode, bank.Value.Branch, now);
        db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.ApplicationSubmitted, "application", app.Id.ToString(CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(app.EditableUntil!.Value);
    }

    public async Task<Application?> GetAsync(long applicationId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        return await db.Applications.AsNoTracking().Include(a => a.Person).SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
            .ConfigureAwait(false);
    }
}
