namespace SocialCard.Web.Tests.Scenarios;

/// <summary>Who is asking: nobody, a unit (A owns the scenario's data, B is another unit), or a staff role.</summary>
public enum Role
{
    Anonymous,
    UnitA,
    UnitB,
    Clerk,
    Reviewer,
    Operator,
    Auditor,
    Admin,
}
