namespace SocialCard.Web.Features.Wizard;

/// <summary>Settings of the applicant features, bound from the "Applicant" section.</summary>
public sealed class ApplicantOptions
{
    /// <summary>ID-number lookups (wizard identity step, 查询/修改 sign-in) per client address per <see cref="LookupWindow"/>.</summary>
    public int LookupPermitsPerWindow { get; set; } = 20;

    public TimeSpan LookupWindow { get; set; } = TimeSpan.FromMinutes(10);
}
