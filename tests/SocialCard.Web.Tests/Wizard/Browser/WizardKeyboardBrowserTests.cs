using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SocialCard.Web.Tests.Browser;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard.Browser;

/// <summary>
/// The whole wizard without a mouse: every control is reached with Tab, buttons and boxes are worked with Enter and
/// Space, text is typed, file pickers open with Space; axe on every step (no serious or critical violation).
/// Screenshots: bin/.../screenshots/keyboard-*.png; axe figures in keyboard-axe.txt.
/// </summary>
public sealed class WizardKeyboardBrowserTests(ApplicantBrowserSite fixture) : IClassFixture<ApplicantBrowserSite>
{
    /// <summary>More Tab presses than any wizard page has controls: reaching an element takes fewer, or it is unreachable.</summary>
    private const int MaxTabs = 80;

    private readonly List<string> _axe = [];

    [Fact]
    public async Task A_person_completes_the_wizard_with_the_keyboard_alone()
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        // No PageProblems here: axe's own checks set inline styles, which the site's CSP reports on the console.
        IPage page = await fixture.NewPageAsync(1280, 900);
        try
        {
            await WalkAsync(page);
        }
        finally
        {
            await File.WriteAllTextAsync(Path.Combine(BrowserHost.ScreenshotDirectory, "keyboard-axe.txt"), string.Join('\n', _axe));
        }
    }

    private async Task WalkAsync(IPage page)
    {
        string id = ApplicantData.ApplicantId;
        await page.GotoAsync("/apply");
        await StepAsync(page, "notice");
        await PressOnAsync(page, "#accept-notice", "Space");
        await PressOnAsync(page, "#next", "Enter");
        await PageUrl.WaitForAsync(page, "**/apply/agreement");
        await StepAsync(page, "agreement");
        await PressOnAsync(page, "#accept-agreement", "Space");
        await PressOnAsync(page, "#next", "Enter");

        await PageUrl.WaitForAsync(page, "**/apply/identity");
        await StepAsync(page, "identity");
        await TypeOnAsync(page, "#IdNumber", id);
        fixture.Applicant.Clock.Advance(TimeSpan.FromMinutes(1));
        await PressOnAsync(page, "#next", "Enter");

        await PageUrl.WaitForAsync(page, "**/apply/mobile");
        await StepAsync(page, "mobile");
        await TypeOnAsync(page, "#Code", await fixture.Applicant.LatestCodeAsync(ApplicantData.ApplicantPhone));
        await PressOnAsync(page, "#next", "Enter");

        await PageUrl.WaitForAsync(page, "**/apply/unit");
        await StepAsync(page, "unit");
        await TypeOnAsync(page, "#q", "数智");
        await PressOnAsync(page, "#search", "Enter");
        await page.Locator("input[name=WorkUnitId]").First.WaitForAsync();
        await PressOnAsync(page, "input[name=WorkUnitId]", "Space");
        Assert.True(await page.Locator("input[name=WorkUnitId]").First.IsCheckedAsync());
        await PressOnAsync(page, "#next", "Enter");

        await PageUrl.WaitForAsync(page, "**/apply/personal");
        await StepAsync(page, "personal");
        await TypeOnAsync(page, "#IdIssuingAuthority", "成都市公安局武侯区分局");
        await TypeOnAsync(page, "#IdValidFrom", "07172015"); // headless chromium's date field reads month, day, year
        Assert.Equal("2015-07-17", await page.InputValueAsync("#IdValidFrom"));
        await PressOnAsync(page, "#IdValidLongTerm", "Space");
        await TypeOnAsync(page, "#HouseholdAddress", "成都市武侯区洗面桥横街12号");
        await TypeOnAsync(page, "#ResidentialAddress", "成都市金牛区一环路北一段99号");
        await TypeOnAsync(page, "#PostalCode", "610041");
        await SubmitAsync(page, "#next", "/apply/photo");
        await StepAsync(page, "photo");
        await ChooseFileAsync(page, "#file", Path.Combine(DevsetPhotos.ImagesDirectory, DevsetPhotos.WithLabel("compliant", 1)[0]));
        await PressOnAsync(page, "#upload", "Enter");
        await page.Locator("#review-verdict.ok").WaitForAsync();
        await StepAsync(page, "photo-passed");
        await PressOnAsync(page, "#next", "Enter");

        await PageUrl.WaitForAsync(page, "**/apply/idcard");
        await StepAsync(page, "idcard");
        string card = Path.Combine(BrowserHost.ScreenshotDirectory, "keyboard-idcard.jpg");
        await File.WriteAllBytesAsync(card, SyntheticIdCard.Jpeg());
        await ChooseFileAsync(page, "#Front", card);
        await ChooseFileAsync(page, "#Back", card);
        await PressOnAsync(page, "#next", "Enter");

        await PageUrl.WaitForAsync(page, "**/apply/occupation");
        await StepAsync(page, "occupation");
        await PressOnAsync(page, "#OccupationCode", "ArrowDown");
        await PressOnAsync(page, "#EducationCode", "ArrowDown");
        Assert.NotEqual("", await page.InputValueAsync("#OccupationCode"));
        Assert.NotEqual("", await page.InputValueAsync("#EducationCode"));
        await PressOnAsync(page, "#next", "Enter");

        await PageUrl.WaitForAsync(page, "**/apply/summary");
        await StepAsync(page, "summary");
        await PressOnAsync(page, "#submit", "Enter");
        await PageUrl.WaitForAsync(page, "**/apply/done");
        await StepAsync(page, "done");
        Assert.True(await page.Locator("#download-pdf").IsVisibleAsync());
    }

    /// <summary>Tabs from wherever the focus is to <paramref name="selector"/> (wrapping round the page at most once).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (int i = 0; i < MaxTabs; i++)
        {
            if (await page.EvaluateAsync<bool>("s => { const a = document.activeElement; return !!a && a.matches(s); }", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} is not reached with Tab on {page.Url}");
    }

    /// <summary>Enter on a submit button; a page that stays put names its errors in the failure.</summary>
    private static async Task SubmitAsync(IPage page, string selector, string next)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("n => location.pathname.endsWith(n) || !!document.querySelector('#errors li')", next);
        if (!page.Url.Contains(next, StringComparison.Ordinal))
        {
            await BrowserHost.ScreenshotAsync(page, "keyboard-FAILED");
            Assert.Fail($"still on {page.Url}: {await page.InnerTextAsync("main")}");
        }
    }

    private static async Task PressOnAsync(IPage page, string selector, string key)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.PressAsync(key);
    }

    private static async Task TypeOnAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Space on the focused file input opens the chooser. On a busy machine Chromium now and then drops the
    /// first key press on a freshly loaded page, so the press is repeated (still from the keyboard) before failing.</summary>
    private static async Task ChooseFileAsync(IPage page, string selector, string path)
    {
        for (int attempt = 1; ; attempt++)
        {
            await TabToAsync(page, selector);
            try
            {
                IFileChooser chooser = await page.RunAndWaitForFileChooserAsync(
                    () => page.Keyboard.PressAsync("Space"), new PageRunAndWaitForFileChooserOptions { Timeout = 60_000 });
                await chooser.SetFilesAsync(path);
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // the key press was lost: focus the input again and press once more
            }
        }
    }

    private async Task StepAsync(IPage page, string step)
    {
        await page.Locator("main").WaitForAsync();
        await BrowserHost.ScreenshotAsync(page, $"keyboard-{_axe.Count + 1:00}-{step}");
        AxeResult result = await page.RunAxe();
        string[] bad = [.. result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"[{v.Impact}] {v.Id}: {v.Help} e.g. {v.Nodes.FirstOrDefault()?.Html}")];
        _axe.Add($"{step}: {result.Violations.Length} violation(s), {bad.Length} serious or critical {string.Join("; ", bad)}");
        Assert.True(bad.Length == 0, step + ": " + string.Join('\n', bad));
    }
}
