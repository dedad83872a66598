namespace SocialCard.Web.Features.Wizard;

/// <summary>The wizard's pages in order (seed 004).</summary>
public enum WizardStep
{
    Notice = 0,
    Agreement = 1,
    Identity = 2,
    Mobile = 3,
    Unit = 4,
    Personal = 5,
    Photo = 6,
    IdCard = 7,
    Occupation = 8,
    Summary = 9,
}
