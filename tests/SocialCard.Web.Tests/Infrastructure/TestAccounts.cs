using SocialCard.Web.Features.Account;
using SocialCard.Web.Security;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>Fixed accounts for host-level tests that do not need the Platform's data.</summary>
public sealed class TestAccounts : IAccountDirectory
{
    public const string UnitA = "3205001001";
    public const string UnitB = "3205001002";
    public const string Password = "Test-Passw0rd!";
    public const string Reviewer = "reviewer01";
    public const string Operator = "operator01";
    public const string Admin = "admin01";

    public Task<AccountCheck> CheckUnitAsync(string unitCode, string password, CancellationToken cancellationToken) =>
        Task.FromResult((unitCode is UnitA or UnitB) && password == Password
            ? AccountCheck.Success(new AccountIdentity(unitCode, "测试单位" + unitCode[^1], []))
            : AccountCheck.Invalid);

    public Task<AccountCheck> CheckStaffAsync(string login, string password, CancellationToken cancellationToken)
    {
        string[]? roles = login switch
        {
            Reviewer => [StaffRoles.Reviewer],
            Operator => [StaffRoles.CardOperator],
            Admin => [StaffRoles.Admin],
            _ => null,
        };
        return Task.FromResult(roles is null || password != Password ? AccountCheck.Invalid : AccountCheck.Success(new AccountIdentity(login, login, roles)));
    }
}
