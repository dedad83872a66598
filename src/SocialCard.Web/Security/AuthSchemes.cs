namespace SocialCard.Web.Security;

/// <summary>
/// Authentication schemes of the host. Each audience has its own cookie so an employer session can never be read as
/// a staff session. A later feature (the applicant wizard) adds its own scheme next to these in its
/// <c>AddXServices()</c> via <c>services.AddAuthentication().AddCookie(...)</c>.
/// </summary>
public static class AuthSchemes
{
    /// <summary>Employer (参保单位) cookie: unit code + password.</summary>
    public const string Unit = "Unit";

    /// <summary>Centre staff cookie.</summary>
    public const string Staff = "Staff";

    /// <summary>Machine integrators: <c>X-Api-Key</c> header.</summary>
    public const string ApiKey = "ApiKey";

    public const string UnitCookie = ".SocialCard.Unit";
    public const string StaffCookie = ".SocialCard.Staff";
}
