using System.IO.Compression;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialCard.Platform.Storage;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The unit's bulk desk in chromium: a zip of photos named by personal number, ID number and name is checked with the
/// staff list (no batch is made), the mismatches and the staff without a photo are listed, every failed photo is
/// fixed with before and after, and one accept submits the passing photos and the fixes as one batch. axe at desktop
/// and phone size on the desk and its report. Screenshots: bin/.../screenshots/bulk-*.png.
/// </summary>
public sealed class BulkDeskBrowserTests(PortalBrowserHost host) : IClassFixture<PortalBrowserHost>
{
    [Fact]
    public async Task Unit_checks_a_zip_named_from_its_staff_list_fixes_all_and_submits_once()
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        string[] numbers = [.. host.Numbers.DistinctBy(n => host.Demo.Names[n]).Take(7)];
        string[] compliant = [.. DevsetPhotos.WithLabel("compliant", 4)];
        string[] failing = [DevsetPhotos.GreyWall, .. DevsetPhotos.WithLabel("background.color", 2)];

        // Photos named three ways, one that matches nobody; the staff list has one person more than there are photos.
        string dir = Path.Combine(BrowserHost.ScreenshotDirectory, "bulk-input");
        Directory.CreateDirectory(dir);
        string zipPath = Path.Combine(dir, "新员工照片.zip");
        string idNumberName = host.Demo.IdNumbers[numbers[1]];
        using (var buffer = new MemoryStream())
        {
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                Add(zip, $"人事部/{numbers[0]}.jpg", compliant[0]);
                Add(zip, $"人事部/{idNumberName}.jpg", compliant[1]);
                Add(zip, $"人事部/{host.Demo.Names[numbers[2]]}.jpg", compliant[2]);
                Add(zip, "人事部/陌生人.jpg", compliant[3]);
                for (int i = 0; i < failing.Length; i++)
                {
                    Add(zip, $"人事部/{numbers[3 + i]}.jpg", failing[i]);
                }
            }

            await File.WriteAllBytesAsync(zipPath, buffer.ToArray());
        }

        string staffPath = Path.Combine(dir, "员工名单.csv");
        await File.WriteAllTextAsync(staffPath, "姓名,身份证号码,个人编号\n" +
            string.Concat(numbers.Select(n => $"{host.Demo.Names[n]},{host.Demo.IdNumbers[n]},{n}\n")), new UTF8Encoding(true));
        int batchesBefore = await BatchCountAsync();

        IPage unit = await host.NewPageAsync();
        var problems = new PageProblems(unit);
        await unit.GotoAsync("/portal/login");
        await unit.FillAsync("#UnitCode", host.UnitA);
        await unit.FillAsync("#Password", DemoSite.Password);
        await unit.ClickAsync("#login-submit");
        await PageUrl.WaitForAsync(unit, "**/portal");
        await unit.ClickAsync("a[href='/portal/bulk']");
        await unit.SetInputFilesAsync("#zip", zipPath);
        await unit.SetInputFilesAsync("#staff", staffPath);
        await BrowserHost.ScreenshotAsync(unit, "bulk-01-choose");
        await unit.ClickAsync("#bulk-check");
        await unit.Locator("#bulk-table").WaitForAsync();
        await BrowserHost.ScreenshotAsync(unit, "bulk-02-report");

        // A report, not a submission.
        Assert.Equal(batchesBefore, await BatchCountAsync());
        Assert.Equal(7, await unit.Locator("tr.bulk-photo").CountAsync());
        Assert.Contains("按身份证号码改名", await Row(unit, numbers[1]).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("按姓名改名", await Row(unit, numbers[2]).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("陌**.jpg", await unit.Locator("#bulk-mismatches").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(numbers[6], await unit.Locator("#bulk-without-photo").InnerTextAsync(), StringComparison.Ordinal);
        string page = await unit.ContentAsync();
        Assert.DoesNotContain(idNumberName, page, StringComparison.Ordinal);
        Assert.DoesNotContain("陌生人", page, StringComparison.Ordinal);
        Assert.True(await unit.Locator("tr.bulk-photo[data-verdict='Failed']").CountAsync() >= failing.Length);

        // Fix all: each failed, named photo is fixed (before and after) or refused with its reason.
        await unit.ClickAsync("#bulk-fix");
        await unit.Locator("#bulk-fix").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await unit.Locator("#bulk-table").WaitForAsync();
        await BrowserHost.ScreenshotAsync(unit, "bulk-03-fixed");
        // The grey wall is offered the fix (a photo failing a rule the fix cannot repair is not).
        Assert.NotEqual("None", await Row(unit, numbers[3]).GetAttributeAsync("data-fix"));

        int fixedCount = await unit.Locator("tr.bulk-photo[data-fix='Fixed']").CountAsync();
        Assert.True(fixedCount > 0, "at least one background photo can be fixed");
        Assert.Equal(fixedCount, await unit.Locator("tr.bulk-photo[data-fix='Fixed'] img.fixed").CountAsync());
        int passedAsSent = await unit.Locator("tr.bulk-photo[data-number]:is([data-verdict='Passed'], [data-verdict='NeedsReview'])").CountAsync();
        await AxeAsync(unit, "report");

        // The packages to download: the same photos the accept submits, as the seed's zip (<unit code>/<number>.jpg).
        Assert.Equal(1, await unit.Locator("#bulk-packages a").CountAsync());
        IDownload download = await unit.RunAndWaitForDownloadAsync(() => unit.ClickAsync("#bulk-package-1"));
        string saved = Path.Combine(dir, "package-1.zip");
        await download.SaveAsAsync(saved);
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        using (ZipArchive package = ZipFile.OpenRead(saved))
        {
            string[] names = [.. package.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal)];
            Assert.Equal(passedAsSent + fixedCount, names.Length);
            Assert.All(names, n => Assert.Matches($"^{host.UnitA}/[0-9]+\\.jpg$", n));
            Assert.Contains($"{host.UnitA}/{numbers[1]}.jpg", names);
            foreach (string number in numbers[3..6])
            {
                bool wasFixed = await Row(unit, number).GetAttributeAsync("data-fix") == "Fixed";
                Assert.Equal(wasFixed, names.Contains($"{host.UnitA}/{number}.jpg"));
            }
        }

        await BrowserHost.ScreenshotAsync(unit, "bulk-035-packages");
        Assert.Equal(batchesBefore, await BatchCountAsync());

        // One accept: the passing photos and the fixes go into one batch.
        await unit.ClickAsync("#bulk-submit");
        await unit.Locator("#bulk-batches").WaitForAsync();
        await BrowserHost.ScreenshotAsync(unit, "bulk-04-submitted");
        Assert.Equal(batchesBefore + 1, await BatchCountAsync());
        await unit.ClickAsync("#bulk-batches a");
        await unit.Locator("#batch-complete").WaitForAsync();
        Assert.Equal(passedAsSent + fixedCount, await unit.Locator("tr.entry").CountAsync());
        string batch = await unit.Locator("#entries").InnerTextAsync();
        Assert.Contains(numbers[1], batch, StringComparison.Ordinal);
        Assert.Contains(numbers[2], batch, StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(unit, "bulk-05-batch");
        Assert.Empty(problems.All);

        // The desk itself at desktop and phone size.
        await AxeAsync(unit, "desk", "/portal/bulk");
        IPage phone = await host.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync("/portal/login");
        await phone.FillAsync("#UnitCode", host.UnitA);
        await phone.FillAsync("#Password", DemoSite.Password);
        await phone.ClickAsync("#login-submit");
        await PageUrl.WaitForAsync(phone, "**/portal");
        await AxeAsync(phone, "desk-phone", "/portal/bulk");
        await phone.SetInputFilesAsync("#zip", zipPath);
        await phone.ClickAsync("#bulk-check");
        await phone.Locator("#bulk-table").WaitForAsync();
        await BrowserHost.ScreenshotAsync(phone, "bulk-06-phone-report");
        await AxeAsync(phone, "report-phone");
        Assert.Equal(batchesBefore + 1, await BatchCountAsync());
    }

    private static ILocator Row(IPage page, string number) => page.Locator($"tr.bulk-photo[data-number='{number}']").First;

    private static void Add(ZipArchive zip, string name, string devsetFile)
    {
        using Stream s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        s.Write(DevsetPhotos.ReadAs(devsetFile, name));
    }

    private static async Task AxeAsync(IPage page, string name, string? path = null)
    {
        if (path is not null)
        {
            await page.GotoAsync(path);
        }

        await page.Locator("main").WaitForAsync();
        AxeResult result = await page.RunAxe();
        string[] bad = [.. result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{name}: [{v.Impact}] {v.Id}: {v.Help} e.g. {v.Nodes.FirstOrDefault()?.Html}")];
        await File.WriteAllTextAsync(Path.Combine(BrowserHost.ScreenshotDirectory, $"axe-bulk-{name}.txt"),
            $"{result.Violations.Length} violation(s), {bad.Length} serious or critical\n" + string.Join('\n', bad));
        Assert.True(bad.Length == 0, string.Join('\n', bad));
    }

    private async Task<int> BatchCountAsync()
    {
        await using PlatformDbContext db = host.Demo.Database.CreateDbContext();
        long unitId = await db.Units.Where(u => u.Code == host.UnitA).Select(u => u.Id).SingleAsync();
        return await db.Batches.CountAsync(b => b.UnitId == unitId);
    }
}
