using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Read side of the applicant's applications for the summary, the done page, the change page and the PDF: a submitted
/// <see cref="Application"/> with its person, units, photo and ID images as one <see cref="ApplicationView"/>. Every
/// write goes through the Platform's <see cref="SocialCard.Platform.ApplicationService"/>.
/// </summary>
public sealed class ApplicationViews(PlatformDatabase database)
{
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

    private async Task<ApplicationView> ToViewAsync(PlatformDbContext db, Application application, CancellationToken cancellationToken)
    {
        Person person = await db.People.Include(p => p.Unit).ThenInclude(u => u!.Parent).ThenInclude(u => u!.Parent)
            .FirstAsync(p => p.Id == application.PersonId, cancellationToken).ConfigureAwait(false);
        byte[]? photo = null;
        bool photoNeedsReview = false;
        if (application.PhotoId is { } photoId)
        {
            Photo? stored = await db.Photos.FirstOrDefaultAsync(p => p.Id == photoId, cancellationToken).ConfigureAwait(false);
            photo = await db.ReadFileAsync(stored?.CardVersionKey, cancellationToken).ConfigureAwait(false);
            photoNeedsReview = stored?.Verdict == PhotoVerdict.NeedsReview;
        }

        // The work unit the application was submitted with (older rows: the person's unit, which submission set to it).
        Unit? workUnit = application.WorkUnitId is { } workUnitId
            ? await PlatformApplicantRegistry.LoadUnitAsync(db, workUnitId, cancellationToken).ConfigureAwait(false)
            : person.Unit;
        var path = new List<UnitChoice>();
        for (Unit? u = workUnit; u is not null; u = u.Parent)
        {
            path.Insert(0, PlatformApplicantRegistry.ToChoice(u));
        }

        UnitChoice? insured = path.Count > 0 ? path[0] : null;
        if (application.InsuredUnitId is { } insuredId
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
            PhotoNeedsReview = photoNeedsReview,
            IdFront = await db.ReadFileAsync(application.IdFrontKey, cancellationToken).ConfigureAwait(false),
            IdBack = await db.ReadFileAsync(application.IdBackKey, cancellationToken).ConfigureAwait(false),
        };
    }
}
