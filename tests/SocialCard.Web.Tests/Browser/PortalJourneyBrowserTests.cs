using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using SocialCard.Platform.Domain;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The seed's round trip in Debian's chromium against the app on a real port: a unit uploads a 50-photo zip, sees the
/// failing photos with Chinese reasons, fixes one, downloads the failure list; a reviewer overrides a verdict, an
/// operator exports to the card centre and imports its results; the unit then sees the pick-up date.
/// Screenshots: bin/.../screenshots/journey-*.png.
/// </summary>
public sealed class PortalJourneyBrowserTests(PortalBrowserHost host, ITestOutputHelper output) : IClassFixture<PortalBrowserHost>
{
    [Fact]
    public async Task Unit_and_centre_go_through_upload_fix_override_export_import_and_pickup()
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        int shot = 0;
        async Task Shot(IPage p, string name) => await BrowserHost.ScreenshotAsync(p, $"journey-{++shot:00}-{name}");

        // 1. The unit signs in and uploads its package.
        IPage unit = await host.NewPageAsync();
        await unit.GotoAsync("/portal/login");
        await unit.FillAsync("#UnitCode", host.UnitA);
        await unit.FillAsync("#Password", DemoSite.Password);
        await unit.ClickAsync("#login-submit");
        await PageUrl.WaitForAsync(unit, "**/portal");

        IReadOnlyList<string> files = PortalBrowserHost.PackageFiles();
        Assert.Equal(50, files.Count);
        (byte[] zip, IReadOnlyDictionary<string, string> labels) = DemoSite.BuildPackage(host.UnitA, host.Numbers, files);
        string zipPath = Path.Combine(BrowserHost.ScreenshotDirectory, $"{host.UnitA}.zip");
        await File.WriteAllBytesAsync(zipPath, zip);
        await unit.SetInputFilesAsync("#package", zipPath);
        await Shot(unit, "portal-upload");
        var clock = Stopwatch.StartNew();
        await unit.ClickAsync("#upload-submit");
        await PageUrl.WaitForAsync(unit, "**/portal/batches/**");
        await unit.Locator("#batch-complete").WaitForAsync();
        output.WriteLine($"50-photo package: complete verdicts shown {clock.ElapsedMilliseconds} ms after the click");
        await Shot(unit, "portal-batch");

        // 2. Every photo has a row with a thumbnail; the failing ones carry Chinese reasons.
        Assert.Equal(50, await unit.Locator("tr.entry").CountAsync());
        Assert.Equal(50, await unit.Locator("tr.entry img.thumb").CountAsync());
        ILocator failedRows = unit.Locator("tr.entry[data-verdict='Failed']");
        int failed = await failedRows.CountAsync();
        Assert.InRange(failed, 20, 50);
        string reasons = await failedRows.First.Locator("ul.reasons").InnerTextAsync();
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", reasons);
        int passedThumbs = await unit.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('img.thumb')).filter(i => i.complete && i.naturalWidth > 0).length");
        Assert.True(passedThumbs > 0, "thumbnails load");

        // 3. One click fixes a failing photo: before/after, accept.
        string? fixedNumber = null;
        IReadOnlyList<string> fixLinks = await unit.Locator("a.fix-link").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        string batchUrl = unit.Url;
        foreach (string link in fixLinks.Take(8))
        {
            await unit.GotoAsync(link);
            if (await unit.Locator("#fix-accept").CountAsync() == 1)
            {
                Assert.Equal(1, await unit.Locator("#fixed-preview").CountAsync());
                await Shot(unit, "portal-fix-preview");
                fixedNumber = (await unit.Locator("h1").InnerTextAsync()).Split('·')[^1].Trim();
                await unit.ClickAsync("#fix-accept");
                await PageUrl.WaitForAsync(unit, "**/portal/batches/**");
                await unit.Locator("#batch-complete").WaitForAsync();
                await Shot(unit, "portal-fix-accepted");
                Assert.Equal("Passed", await unit.Locator("tr.entry").First.GetAttributeAsync("data-verdict"));
                break;
            }
        }

        Assert.True(fixedNumber is not null, "at least one of the first failing photos could be fixed");
        Assert.Equal(CardState.PhotoPassed, await host.Demo.CardStateAsync(fixedNumber!));

        // 4. The failure list: the fixed person is off it; download .xlsx and .csv.
        await unit.GotoAsync(batchUrl);
        await unit.GotoAsync("/portal/failures");
        await Shot(unit, "portal-failures");
        if (failed > 21)
        {
            // More than one page (20 rows a page): the next page lists other people.
            Assert.Equal(20, await unit.Locator("#failures tbody tr").CountAsync());
            string firstOnPage1 = await unit.Locator("#failures tbody tr td").First.InnerTextAsync();
            string? next = await unit.Locator("#page-next").GetAttributeAsync("href");
            Assert.Equal("/portal/failures?p=2", next);
            await unit.GotoAsync(next!);
            await unit.Locator("#failures").WaitForAsync();
            Assert.True(await unit.Locator("#failures tbody tr").CountAsync() > 0);
            Assert.NotEqual(firstOnPage1, await unit.Locator("#failures tbody tr td").First.InnerTextAsync());
            await unit.GotoAsync("/portal/failures");
        }

        IDownload xlsx = await unit.RunAndWaitForDownloadAsync(() => unit.ClickAsync("#download-xlsx"));
        string xlsxPath = Path.Combine(BrowserHost.ScreenshotDirectory, "journey-failures.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        Assert.Equal((byte)'P', (await File.ReadAllBytesAsync(xlsxPath))[0]);
        IDownload csv = await unit.RunAndWaitForDownloadAsync(() => unit.ClickAsync("#download-csv"));
        string csvPath = Path.Combine(BrowserHost.ScreenshotDirectory, "journey-failures.csv");
        await csv.SaveAsAsync(csvPath);
        string csvText = await File.ReadAllTextAsync(csvPath, Encoding.UTF8);
        Assert.Contains(labels.Where(l => l.Value != "compliant").Select(l => l.Key), n => csvText.Contains(n, StringComparison.Ordinal));
        Assert.DoesNotContain(fixedNumber!, csvText, StringComparison.Ordinal);

        // 5. A reviewer overrides one failing verdict, with a reason.
        IPage reviewer = await host.NewPageAsync();
        await StaffSignIn.SignInAsync(reviewer, "reviewer");
        await reviewer.GotoAsync($"/console/queue?filter=failed&unit={host.UnitA}");
        string[] overridable = await reviewer.Locator("#queue tr[data-number]").EvaluateAllAsync<string[]>(
            "rows => rows.filter(r => r.querySelector('button[name=accept][value=true]')).map(r => r.getAttribute('data-number'))");
        string stillFailing = overridable.First(n => n != fixedNumber && csvText.Contains(n, StringComparison.Ordinal));
        ILocator row = reviewer.Locator($"#queue tr[data-number='{stillFailing}']").First;
        await row.Locator("input[name=reason]").FillAsync("人工复核：背景可接受");
        await row.Locator("button[name=accept][value=true]").ClickAsync();
        await reviewer.Locator("#queue-message").WaitForAsync();
        Assert.Contains("已复核", await reviewer.Locator("#queue-message").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(reviewer, "console-override");
        Assert.Equal(CardState.PhotoPassed, await host.Demo.CardStateAsync(stillFailing));

        // 6. An operator exports to the card centre, downloads the package and imports the results.
        IPage op = await host.NewPageAsync();
        await StaffSignIn.SignInAsync(op, "operator");
        await op.GotoAsync("/console/exchange");
        await op.ClickAsync("#export-now");
        await op.Locator("#exchange-message").WaitForAsync();
        await Shot(op, "console-export");
        IDownload package = await op.RunAndWaitForDownloadAsync(() => op.Locator("#packages a").First.ClickAsync());
        string packagePath = Path.Combine(BrowserHost.ScreenshotDirectory, "journey-export.zip");
        await package.SaveAsAsync(packagePath);
        Assert.True(new FileInfo(packagePath).Length > 1000);
        Assert.Equal(CardState.SentToCardCentre, await host.Demo.CardStateAsync(stillFailing));

        var produced = new DateOnly(2026, 11, 16);
        string results = Path.Combine(BrowserHost.ScreenshotDirectory, "journey-results.csv");
        await File.WriteAllTextAsync(results,
            $"number,status,production_date,reason\n{stillFailing},produced,{produced:yyyy-MM-dd},\n{fixedNumber},produced,{produced:yyyy-MM-dd},\n");
        await op.SetInputFilesAsync("#results", results);
        await op.ClickAsync("#import-submit");
        await op.Locator("#exchange-message").WaitForAsync();
        string importMessage = await op.Locator("#exchange-message").InnerTextAsync();
        string importErrors = await op.Locator("#import-errors").CountAsync() > 0 ? await op.Locator("#import-errors").InnerTextAsync() : "";
        Assert.True(importMessage.Contains("已导入 2 行，拒绝 0 行", StringComparison.Ordinal), importMessage + " " + importErrors);
        await Shot(op, "console-import");

        // 7. The unit sees the pick-up date: production + 30 days, with the seed's notes.
        await unit.GotoAsync("/portal/people?q=" + stillFailing);
        string pickup = produced.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(pickup, (await unit.Locator("#people td.pickup").First.InnerTextAsync()).Trim());
        Assert.Contains("A206-2", await unit.Locator("#pickup-notes").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(unit, "portal-pickup");
    }
}
