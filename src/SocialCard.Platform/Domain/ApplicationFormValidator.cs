using SocialCard.Platform.Domain.Validation;

namespace SocialCard.Platform.Domain;

/// <summary>Checks a wizard form; every problem is returned, none thrown.</summary>
public static class ApplicationFormValidator
{
    public static IReadOnlyList<ValidationError> Validate(ApplicationForm form, DateOnly today)
    {
        var errors = new List<ValidationError>();
        void Add(ValidationError? e)
        {
            if (e is not null)
            {
                errors.Add(e);
            }
        }

        Add(InputRules.Required(form.IdIssuingAuthority, "idIssuingAuthority", "证件发证机关", "ID issuing authority"));
        Add(InputRules.IdValidity(form.IdValidFrom, form.IdValidUntil, form.IdValidLongTerm, today));
        Add(InputRules.Required(form.HouseholdAddress, "householdAddress", "户口所在地址", "household register address"));
        Add(InputRules.Required(form.ResidentialAddress, "residentialAddress", "常住地址", "residential address"));
        Add(InputRules.PostalCode(form.PostalCode));
        Add(InputRules.MobilePhone(form.Phone));
        Add(InputRules.Occupation(form.OccupationCode));
        Add(InputRules.Education(form.EducationCode));
        return errors;
    }
}
