using Microsoft.AspNetCore.Mvc;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Step 10: everything on one page, then submit (creates the Platform application, opens the 24-hour window).</summary>
public sealed class SummaryModel(IWizardDraftStore drafts, TimeProvider clock, IApplicantRegistry registry,
    SocialCard.Platform.ApplicationService applications, ApplicationViews views, SmsNoticeService sms,
    Microsoft.Extensions.Options.IOptions<SocialCard.Platform.Centre.CentreOptions> centre) : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Summary;

    public ApplicationDetailsModel Details { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Details = await BuildAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Draft.HasProvenIdentity)
        {
            Draft.Done.Remove(WizardStep.Mobile);
            Save();
            return Redirect(WizardSteps.Get(WizardStep.Mobile).Path);
        }

        // The ID validity rule depends on the day of submission: re-check it now.
        foreach (ValidationError error in PersonalModel.Validate(Draft.IdIssuingAuthority, Draft.IdValidFrom, Draft.IdValidUntil,
                     Draft.IdValidLongTerm, Draft.HouseholdAddress, Draft.ResidentialAddress, Draft.PostalCode, Today))
        {
            AddError(error);
        }

        if (!ModelState.IsValid)
        {
            Details = await BuildAsync(cancellationToken).ConfigureAwait(false);
            return Page();
        }

        try
        {
            long id = await applications.SubmitAsync(Draft.ToSubmission(), cancellationToken).ConfigureAwait(false);
            ApplicationView view = (await views.GetAsync(id, cancellationToken).ConfigureAwait(false))!;
            Draft.ApplicationId = view.Id;
            Draft.Reference = view.Reference;
            Save();

            // The phone on file hears of every application made for the person, with how to take it back.
            await sms.QueueAsync(Draft.VerifiedMobile!, "application.submitted", SubmittedNotice(view), cancellationToken).ConfigureAwait(false);
            return Redirect("/apply/done");
        }
        catch (SocialCardDomainException ex)
        {
            ModelState.AddModelError(string.Empty, Say(ex.Zh, ex.En));
            Details = await BuildAsync(cancellationToken).ConfigureAwait(false);
            return Page();
        }
    }

    /// <summary>The text sent to the phone on file when an application is submitted.</summary>
    public static string SubmittedNotice(ApplicationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        string at = ChinaTime.ToChina(view.SubmittedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return $"【社保卡数据采集】您的社保卡申请（{view.Reference}）已于{at}提交。如非本人办理，请在24小时内到“办理查询”用发至本手机的验证码撤回。" +
            $"Your card application {view.Reference} was submitted; if it was not you, withdraw it within 24 hours on the \"View or change\" page.";
    }

    private async Task<ApplicationDetailsModel> BuildAsync(CancellationToken cancellationToken)
    {
        RegistryPerson person = Draft.Person!;
        var path = new List<string>();
        UnitChoice? deepest = null;
        foreach (long? id in new[] { Draft.WorkUnitId, Draft.WorkUnitLevel2Id, Draft.WorkUnitLevel3Id })
        {
            if (id is { } unitId && await registry.GetUnitAsync(unitId, cancellationToken).ConfigureAwait(false) is { } unit)
            {
                path.Add(unit.Name);
                deepest = unit;
            }
        }

        return new ApplicationDetailsModel
        {
            Name = person.Name,
            Gender = person.Gender,
            IdType = Draft.IdType,
            IdNumber = Draft.IdNumber ?? string.Empty,
            SocialSecurityNumber = person.SocialSecurityNumber,
            Phone = Draft.VerifiedMobile,
            InsuredUnit = person.InsuredUnit is { } u ? $"{u.Code} {u.Name}" : null,
            WorkUnit = string.Join(" / ", path),
            Bank = ApplicationDetailsModel.BankText(centre.Value, deepest?.BankCode, deepest?.BankBranch),
            Nationality = ApplicationDetailsModel.CountryText(Draft.Nationality),
            IdIssuingAuthority = Draft.IdIssuingAuthority,
            Validity = ApplicationDetailsModel.ValidityText(Draft.IdValidFrom, Draft.IdValidUntil, Draft.IdValidLongTerm),
            HouseholdAddress = Draft.HouseholdAddress,
            ResidentialAddress = Draft.ResidentialAddress,
            PostalCode = Draft.PostalCode,
            Occupation = ApplicationDetailsModel.OccupationText(Draft.OccupationCode),
            Education = ApplicationDetailsModel.EducationText(Draft.EducationCode),
        };
    }
}
