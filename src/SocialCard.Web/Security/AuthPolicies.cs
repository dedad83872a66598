namespace SocialCard.Web.Security;

/// <summary>Authorization policy names; every page folder and endpoint group names one of these.</summary>
public static class AuthPolicies
{
    /// <summary>A signed-in employer; the unit code claim scopes every query.</summary>
    public const string UnitMember = "UnitMember";

    /// <summary>A unit's administrator (its shared login, or a clerk given the role): manages the clerks of the unit tree.</summary>
    public const string UnitAdmin = "UnitAdmin";

    /// <summary>Any centre staff member (read-only views: search, statistics).</summary>
    public const string Staff = "Staff";

    /// <summary>Staff who may override pre-review verdicts.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>Staff who exchange packages with the city card centre and import registries.</summary>
    public const string Operator = "Operator";

    /// <summary>Counter clerks (and admins): the pickup desk and paper photos handed in at the counter.</summary>
    public const string Counter = "Counter";

    /// <summary>Staff who may read the audit log.</summary>
    public const string Auditor = "Auditor";

    /// <summary>Centre administrators: password resets of unit accounts.</summary>
    public const string Admin = "Admin";

    /// <summary>An integrator with a valid API key.</summary>
    public const string Integrator = "Integrator";
}
