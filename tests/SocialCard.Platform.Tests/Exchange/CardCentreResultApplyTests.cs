using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Exchange;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Exchange;

/// <summary>A card-centre result file moves card records along the state machine, and importing the same file again
/// changes nothing (no state, version, timestamp or audit event).</summary>
[Collection(PostgresCollection.Name)]
public sealed class CardCentreResultApplyTests(PostgresServer server)
{
    [Theory]
    [InlineData(CardCentreResultStatus.Ingested, CardState.Ingested)]
    [InlineData(CardCentreResultStatus.Voided, CardState.Voided)]
    [InlineData(CardCentreResultStatus.Produced, CardState.Produced)]
    [InlineData(CardCentreResultStatus.Failed, CardState.ProductionFailed)]
    [InlineData(CardCentreResultStatus.PickedUp, CardState.PickedUp)]
    public void Every_status_has_its_card_state(CardCentreResultStatus status, CardState state) =>
        Assert.Equal(state, CardLifecycleService.TargetState(status));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Statuses_move_cards_and_a_reimport_of_the_same_file_changes_nothing(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "cardresults");
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 5, 10, 8, 0, 0, TimeSpan.Zero));
        var people = new List<Person>();
        await using (var db = t.NewContext())
        {
            for (var i = 0; i < 6; i++)
            {
                var p = Samples.Person();
                people.Add(p);
                var card = new CardRecord(p, clock.GetUtcNow());
                card.RecordPhotoReview(1, true, null, clock.GetUtcNow(), "t");
                card.SendToCardCentre(clock.GetUtcNow(), "t");
                if (i == 5)
                {
                    card.Ingest(clock.GetUtcNow(), "t"); // already ingested by an earlier file
                }

                db.CardRecords.Add(card);
            }

            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromDays(1));
        var csv = $"""
            number,status,production_date,reason
            {people[0].PersonalNumber},ingested,,
            {people[1].PersonalNumber},voided,,人员编号在制卡数据库中不存在
            {people[2].PersonalNumber},produced,2026-05-02,
            {people[3].PersonalNumber},failed,,无照片
            {people[4].PersonalNumber},picked_up,2026-04-01,
            {people[5].PersonalNumber},produced,2026-05-03,
            """;
        var bytes = Encoding.UTF8.GetBytes(csv.Replace("\r\n", "\n", StringComparison.Ordinal));
        var svc = new CardLifecycleService(t.Database, clock);

        var first = await svc.ApplyCardCentreResultsAsync(new CardCentreResultImporter().Parse(bytes), "staff:centre");
        Assert.Equal(6, first.Applied);
        Assert.Equal(0, first.Unchanged);
        Assert.Empty(first.Rejected);

        var before = await SnapshotAsync(t);
        var byNumber = before.Cards.ToDictionary(c => c.PersonalNumber);
        Assert.Equal(CardState.Ingested, byNumber[people[0].PersonalNumber].State);
        Assert.Equal((CardState.Voided, "人员编号在制卡数据库中不存在"), (byNumber[people[1].PersonalNumber].State, byNumber[people[1].PersonalNumber].Reason));
        Assert.Equal((CardState.Produced, new DateOnly(2026, 5, 2), new DateOnly(2026, 6, 1)),
            (byNumber[people[2].PersonalNumber].State, byNumber[people[2].PersonalNumber].ProducedOn, byNumber[people[2].PersonalNumber].ReadyForPickupOn));
        Assert.Equal((CardState.ProductionFailed, "无照片"), (byNumber[people[3].PersonalNumber].State, byNumber[people[3].PersonalNumber].Reason));
        Assert.Equal((CardState.PickedUp, new DateOnly(2026, 4, 1)), (byNumber[people[4].PersonalNumber].State, byNumber[people[4].PersonalNumber].ProducedOn));
        Assert.Equal(CardState.Produced, byNumber[people[5].PersonalNumber].State);

        // Every transition is audited: ingested 1, voided 1, produced 2 (ingest + produce), failed 2, picked up 4, produced 1.
        Assert.Equal(11, before.CardAudits);

        // The same bytes again, parsed afresh as a second upload would be, and later in time.
        clock.Advance(TimeSpan.FromHours(3));
        var again = await svc.ApplyCardCentreResultsAsync(new CardCentreResultImporter().Parse(bytes), "staff:centre");
        Assert.Equal(0, again.Applied);
        Assert.Equal(6, again.Unchanged);
        Assert.Empty(again.Rejected);

        var after = await SnapshotAsync(t);
        Assert.Equal(before.Cards, after.Cards);
        Assert.Equal(before.CardAudits, after.CardAudits);
        Assert.Equal(before.AllAudits, after.AllAudits);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_status_the_card_cannot_take_is_rejected_with_its_line_and_changes_nothing(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "cardresultsbad");
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 5, 10, 8, 0, 0, TimeSpan.Zero));
        Person collecting;
        await using (var db = t.NewContext())
        {
            collecting = Samples.Person();
            db.CardRecords.Add(new CardRecord(collecting, clock.GetUtcNow())); // never sent to the centre
            await db.SaveChangesAsync();
        }

        var csv = $"number,status,production_date,reason\n{collecting.PersonalNumber},produced,2026-05-01,\n0999999998,ingested,,\n";
        var report = await new CardLifecycleService(t.Database, clock)
            .ApplyCardCentreResultsAsync(new CardCentreResultImporter().Parse(Encoding.UTF8.GetBytes(csv)), "staff:centre");

        Assert.Equal(0, report.Applied);
        Assert.Equal([2L, 3L], report.Rejected.Select(r => r.Line).Order().ToArray());
        Assert.Contains("采集中", report.Rejected.Single(r => r.Line == 2).Error.Zh, StringComparison.Ordinal);
        var snapshot = await SnapshotAsync(t);
        Assert.Equal(CardState.Collecting, Assert.Single(snapshot.Cards).State);
        Assert.Equal(0, snapshot.CardAudits);
    }

    private static async Task<(List<CardRow> Cards, int CardAudits, int AllAudits)> SnapshotAsync(TestDatabase t)
    {
        await using var db = t.NewContext();
        var cards = await db.CardRecords.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new CardRow(c.PersonalNumber, c.State, c.Reason, c.ProducedOn, c.ReadyForPickupOn, c.PickedUpAt, c.UpdatedAt, c.Version))
            .ToListAsync();
        var cardAudits = await db.AuditEvents.CountAsync(e => e.Action == AuditActions.CardStateChanged && e.Actor == "staff:centre");
        var allAudits = await db.AuditEvents.CountAsync();
        return (cards, cardAudits, allAudits);
    }

    private sealed record CardRow(string PersonalNumber, CardState State, string? Reason, DateOnly? ProducedOn, DateOnly? ReadyForPickupOn,
        DateTimeOffset? PickedUpAt, DateTimeOffset UpdatedAt, int Version);
}
