namespace SocialCard.Platform.Centre;

/// <summary>The ways in this centre takes card photos and applications. A channel that is off has no pages, no
/// navigation entries and no API.</summary>
public sealed class CentreChannels
{
    /// <summary>Employers upload zip packages of their staff's photos (/portal, <c>POST /api/v1/batches</c>).</summary>
    public bool UnitPackages { get; set; } = true;

    /// <summary>Applicants apply themselves in the wizard (/apply, /apply/change).</summary>
    public bool ApplicantWizard { get; set; } = true;
}
