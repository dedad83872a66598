namespace SocialCard.Web.Security;

/// <summary>Role claim values of centre staff: the names of Platform's <c>StaffRole</c> enum.</summary>
public static class StaffRoles
{
    public const string Clerk = "Clerk";
    public const string Reviewer = "Reviewer";
    public const string CardOperator = "CardOperator";
    public const string Auditor = "Auditor";
    public const string Admin = "Admin";
}
