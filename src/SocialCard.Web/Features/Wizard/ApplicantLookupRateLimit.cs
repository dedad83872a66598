using SocialCard.Web.Hosting;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// The "applicant-lookup" rate-limit policy on the posts that look a person up by ID number (wizard step 3, which shows
/// the registered name and social security number as seed 004 does, and the 查询/修改 sign-in): a fixed window per
/// client address, so the pages cannot be used to walk through ID numbers. Reading the forms is free; rejections get
/// the host's 429.
/// </summary>
public static class ApplicantLookupRateLimit
{
    public const string PolicyName = "applicant-lookup";

    public static IServiceCollection AddApplicantLookupRateLimit(this IServiceCollection services) =>
        services.AddPerAddressPostRateLimit<ApplicantOptions>(PolicyName, o => (o.LookupPermitsPerWindow, o.LookupWindow));
}
