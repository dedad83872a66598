using Microsoft.AspNetCore.Mvc;
using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Step 10: everything on one page, then submit (creates the Platform application, opens the 24-hour window).</summary>
public sealed class SummaryModel(IWizardDraftStore drafts, TimeProvider clock, IApplicantRegistry registry, ApplicationService applications)
    : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Summary;

    public ApplicationDetailsModel Details { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Details = await BuildAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(Draft.VerifiedMobile, Draft.Mobile, StringComparison.Ordinal) || Draft.VerifiedMobile is null)
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
            ApplicationView view = await applications.SubmitAsync(Draft, cancellationToken).ConfigureAwait(false);
            Draft.ApplicationId = view.Id;
            Draft.Reference = view.Reference;
            Save();
            return Redirect("/apply/done");
        }
        catch (SocialCardDomainException ex)
        {
            ModelState.AddModelError(string.Empty, Say(ex.Zh, ex.En));
            Details = await BuildAsync(cancellationToken).ConfigureAwait(false);
            return Page();
        }
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
            Bank = ApplicationDetailsModel.BankText(deepest?.BankCode, deepest?.BankBranch),
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
