using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.Account;
using SocialCard.Web.Security;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// Fixed accounts for host-level tests that do not need the Platform's demo data. The two units exist as real unit
/// rows (created on first sign-in) so a signed-in unit carries its database id, as with the Platform's directory.
/// </summary>
public sealed class TestAccounts(PlatformDatabase database) : IAccountDirectory
{
    public const string UnitA = "3205001001";
    public const string UnitB = "3205001002";
    public const string Password = "Test-Passw0rd!";
    public const string Reviewer = "reviewer01";
    public const string Operator = "operator01";
    public const string Admin = "admin01";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<AccountCheck> CheckUnitAsync(string login, string password, string clientAddress, CancellationToken cancellationToken)
    {
        if (login is not (UnitA or UnitB) || password != Password)
        {
            return AccountCheck.Invalid;
        }

        string name = "测试单位" + login[^1];
        long unitId = await EnsureUnitAsync(login, name, cancellationToken);
        return AccountCheck.Success(new AccountIdentity(login, name, []) { UnitId = unitId });
    }

    public Task<AccountCheck> CheckStaffAsync(string login, string password, string clientAddress, CancellationToken cancellationToken)
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

    private async Task<long> EnsureUnitAsync(string code, string name, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using PlatformDbContext db = database.CreateDbContext();
            long id = await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
            if (id != 0)
            {
                return id;
            }

            var unit = new Unit(code, name);
            db.Units.Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            return unit.Id;
        }
        finally
        {
            _gate.Release();
        }
    }
}
