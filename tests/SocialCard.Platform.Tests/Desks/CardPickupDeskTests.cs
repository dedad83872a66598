using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Desks;

/// <summary>The pickup desk lists a unit's ready cards (sub-units included), hands them over only after the letter
/// and the clerk's ID are checked, never touches another unit's card, and keeps the clerk's ID masked.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CardPickupDeskTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ready_cards_of_a_unit_and_its_sub_units_are_handed_over_after_the_checks(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "pickup");
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 5, 10, 8, 0, 0, TimeSpan.Zero));
        Unit top = Samples.Unit();
        var sub = new Unit(top.Code + "01", "下级单位", top);
        Unit other = Samples.Unit();
        Person atTop = Samples.Person(top), atSub = Samples.Person(sub), notReady = Samples.Person(top), elsewhere = Samples.Person(other);
        await using (var db = t.NewContext())
        {
            db.Units.AddRange(top, sub, other);
            foreach (Person p in (Person[])[atTop, atSub, notReady, elsewhere])
            {
                var card = new CardRecord(p, clock.GetUtcNow());
                card.RecordPhotoReview(1, true, null, clock.GetUtcNow(), "t");
                card.SendToCardCentre(clock.GetUtcNow(), "t");
                card.Ingest(clock.GetUtcNow(), "t");
                card.MarkProduced(new DateOnly(2026, 3, 1), clock.GetUtcNow(), "t");
                if (p != notReady)
                {
                    card.MarkReadyForPickup(new DateOnly(2026, 5, 10), clock.GetUtcNow(), "t");
                }

                db.CardRecords.Add(card);
            }

            await db.SaveChangesAsync();
        }

        var desk = new CardPickupDesk(t.Database, clock);
        IReadOnlyList<PickupCard> ready = await desk.ReadyAsync(top.Code);
        Assert.Equal(new[] { atTop.PersonalNumber, atSub.PersonalNumber }.Order(StringComparer.Ordinal), ready.Select(c => c.PersonalNumber));
        Assert.DoesNotContain(ready, c => c.MaskedName == atTop.Name);

        string clerkId = Samples.ResidentId();
        var good = new PickupHandOver(top.Code, [atTop.PersonalNumber, atSub.PersonalNumber], "园人社介〔2026〕12号", true, "李经办", clerkId);

        // Every check refuses on its own and changes nothing.
        Assert.Contains((await desk.HandOverAsync(good with { LetterStamped = false }, "staff:clerk")).Errors, e => e.Field == "letter");
        Assert.Contains((await desk.HandOverAsync(good with { ClerkIdNumber = "12345" }, "staff:clerk")).Errors, e => e.Field == "clerkIdNumber");
        Assert.Contains((await desk.HandOverAsync(good with { ClerkName = " " }, "staff:clerk")).Errors, e => e.Field == "clerkName");
        Assert.Contains((await desk.HandOverAsync(good with { PersonalNumbers = [elsewhere.PersonalNumber] }, "staff:clerk")).Errors, e => e.Field == "numbers");
        Assert.Contains((await desk.HandOverAsync(good with { PersonalNumbers = [notReady.PersonalNumber, atTop.PersonalNumber] }, "staff:clerk")).Errors, e => e.Field == "numbers");
        Assert.Equal(2, (await desk.ReadyAsync(top.Code)).Count);

        ServiceResult<int> done = await desk.HandOverAsync(good, "staff:clerk");
        Assert.True(done.Succeeded, string.Join("; ", done.Errors));
        Assert.Equal(2, done.Value);
        Assert.Empty(await desk.ReadyAsync(top.Code));

        await using (var db = t.NewContext())
        {
            var states = await db.CardRecords.AsNoTracking().ToDictionaryAsync(c => c.PersonalNumber, c => c.State);
            Assert.Equal(CardState.PickedUp, states[atTop.PersonalNumber]);
            Assert.Equal(CardState.PickedUp, states[atSub.PersonalNumber]);
            Assert.Equal(CardState.ReadyForPickup, states[elsewhere.PersonalNumber]);
            Assert.Equal(CardState.Produced, states[notReady.PersonalNumber]);
            string detail = (await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == CardPickupDesk.AuditAction)).Detail!;
            Assert.Contains("园人社介〔2026〕12号", detail, StringComparison.Ordinal);
            Assert.DoesNotContain(clerkId, detail, StringComparison.Ordinal);
            Assert.Contains(clerkId[^4..], detail, StringComparison.Ordinal);
        }
    }
}
