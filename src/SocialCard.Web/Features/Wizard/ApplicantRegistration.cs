namespace SocialCard.Web.Features.Wizard;

/// <summary>Marks that the applicant services were added (so a second call is a no-op) and whether their endpoints
/// were mapped.</summary>
public sealed class ApplicantRegistration
{
    public bool EndpointsMapped { get; set; }
}
