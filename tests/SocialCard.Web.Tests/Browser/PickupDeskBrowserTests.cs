using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The pickup desk in chromium: the counter clerk looks up a unit's ready cards, is stopped until the letter of
/// introduction and the unit clerk's ID are checked, hands one card over, and the auditor reads it in the log.
/// Screenshots: bin/.../screenshots/pickup-*.png.
/// </summary>
public sealed class PickupDeskBrowserTests(PortalBrowserHost host) : IClassFixture<PortalBrowserHost>
{
    [Fact]
    public async Task Counter_clerk_checks_the_letter_and_the_clerks_id_then_hands_a_card_over()
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        string unit = await TopUnitWithReadyCardAsync();
        IPage page = await host.NewPageAsync();
        var problems = new PageProblems(page);
        await StaffSignIn.SignInAsync(page, "clerk");
        await page.ClickAsync("#console-nav a[href='/console/pickup']");
        await page.FillAsync("#unit-code", unit);
        await page.ClickAsync("#pickup-find");
        await page.Locator("#pickup-cards").WaitForAsync();
        int ready = await page.Locator("#pickup-cards tbody tr").CountAsync();
        Assert.True(ready > 0);
        await BrowserHost.ScreenshotAsync(page, "pickup-01-ready");

        // Without the checks nothing is handed over; the clerk is told what is missing.
        string number = (await page.Locator("#pickup-cards tbody tr").First.GetAttributeAsync("data-number"))!;
        await page.CheckAsync($"#card-{number}");
        await page.ClickAsync("#pickup-submit");
        await page.Locator("#pickup-errors").WaitForAsync();
        string errors = await page.Locator("#pickup-errors").InnerTextAsync();
        Assert.Contains("介绍信", errors, StringComparison.Ordinal);
        Assert.Equal(CardState.ReadyForPickup, await host.Demo.CardStateAsync(number));
        await BrowserHost.ScreenshotAsync(page, "pickup-02-checks-missing");

        await page.CheckAsync($"#card-{number}");
        await page.CheckAsync("#LetterStamped");
        await page.FillAsync("#LetterReference", "2026-12-01 介绍信");
        await page.FillAsync("#ClerkName", "王经办");
        await page.FillAsync("#ClerkIdNumber", "11010519491231002X");
        await page.ClickAsync("#pickup-submit");
        await page.Locator("#pickup-message").WaitForAsync();
        Assert.Contains("已领取 1 张", await page.Locator("#pickup-message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(CardState.PickedUp, await host.Demo.CardStateAsync(number));
        Assert.Equal(0, await page.Locator($"#pickup-cards tr[data-number='{number}']").CountAsync());
        await BrowserHost.ScreenshotAsync(page, "pickup-03-done");
        Assert.Empty(problems.All);

        IPage auditor = await host.NewPageAsync();
        await StaffSignIn.SignInAsync(auditor, "auditor");
        await auditor.GotoAsync("/console/audit?action=card.pickup");
        string log = await auditor.Locator("#audit").InnerTextAsync();
        Assert.Contains("柜台领卡", log, StringComparison.Ordinal);
        Assert.Contains(number, log, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", log, StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(auditor, "pickup-04-audit");
    }

    private async Task<string> TopUnitWithReadyCardAsync()
    {
        await using PlatformDbContext db = host.Demo.Database.CreateDbContext();
        long unitId = await db.CardRecords.Where(c => c.State == CardState.ReadyForPickup).Select(c => c.Person!.UnitId!.Value).FirstAsync();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id);
        Unit unit = units[unitId];
        while (unit.ParentId is { } parent)
        {
            unit = units[parent];
        }

        return unit.Code;
    }
}
