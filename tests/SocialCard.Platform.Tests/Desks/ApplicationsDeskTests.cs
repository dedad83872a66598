using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Reports;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Desks;

/// <summary>The applications desk lists submitted applications masked (never drafts), opens one and its ID-card
/// images only with an audit event, and exports a period with codes as names and the ID number masked.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApplicationsDeskTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 10, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Submitted_applications_are_listed_masked_opened_with_a_trace_and_exported(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "appsdesk");
        var clock = new ManualTimeProvider(T0);
        Person submitted = Samples.Person(name: "王小明"), draft = Samples.Person(name: "李草稿");
        long id;
        await using (var db = t.NewContext())
        {
            var app = new Application(submitted, T0);
            app.Apply(Domain.ApplicationTests.ValidForm(), T0);
            app.AttachIdImages([0xFF, 0xD8, 1], [0xFF, 0xD8, 2], T0);
            app.Submit("BOCD", "金牛支行", T0);
            db.Applications.Add(app);
            db.Applications.Add(new Application(draft, T0));
            await db.SaveChangesAsync();
            id = app.Id;
        }

        var desk = new ApplicationsDesk(t.Database, clock);
        (IReadOnlyList<ApplicationListItem> rows, int total) = await desk.ListAsync(null, null, 1, 20);
        ApplicationListItem row = Assert.Single(rows);
        Assert.Equal(1, total);
        Assert.Equal(submitted.PersonalNumber, row.PersonalNumber);
        Assert.NotEqual(submitted.Name, row.MaskedName);
        Assert.DoesNotContain(submitted.IdNumber[6..14], row.MaskedIdNumber, StringComparison.Ordinal);
        Assert.True(row.HasIdImages);
        Assert.Empty((await desk.ListAsync(ApplicationState.HandedOver, null, 1, 20)).Rows);
        Assert.Equal(0, await AuditCountAsync(t));

        ApplicationReview? opened = await desk.OpenAsync(id, "staff:clerk");
        Assert.Equal("王小明", opened?.Name);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 2 }, await desk.IdImageAsync(id, front: false, "staff:clerk"));
        Assert.Equal(2, await AuditCountAsync(t));
        long draftId;
        await using (var db = t.NewContext())
        {
            draftId = await db.Applications.Where(a => a.State == ApplicationState.Draft).Select(a => a.Id).SingleAsync();
        }

        Assert.Null(await desk.OpenAsync(draftId, "staff:clerk"));
        Assert.Null(await desk.IdImageAsync(draftId, front: true, "staff:clerk"));

        IReadOnlyList<ApplicationReview> export = await desk.ExportAsync(new DateOnly(2026, 5, 10), new DateOnly(2026, 5, 10), "staff:operator");
        Assert.Single(export);
        Assert.Empty(await desk.ExportAsync(new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 12), "staff:operator"));
        using var csv = new MemoryStream();
        ApplicationsReport.WriteCsv(csv, export);
        string text = Encoding.UTF8.GetString(csv.ToArray());
        Assert.Contains("王小明", text, StringComparison.Ordinal);
        Assert.DoesNotContain(submitted.IdNumber, text, StringComparison.Ordinal);
        string occupation = Domain.ApplicationTests.ValidForm().OccupationCode!;
        Assert.Contains(SocialCard.Platform.Domain.Codes.OccupationCodes.Find(occupation)!.Zh, text, StringComparison.Ordinal);
    }

    private static async Task<int> AuditCountAsync(TestDatabase t)
    {
        await using var db = t.NewContext();
        return await db.AuditEvents.CountAsync(e => e.Action == ApplicationsDesk.ViewedAction);
    }
}
