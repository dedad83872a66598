using SocialCard.Platform.Domain;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Services;

/// <summary>单位制卡失败人员查询 (seed 000 四.1): failed and voided cards of the unit and its sub-units, and the people
/// with no photo; not a person whose newer card is on its way, not another unit's people.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UnitCardFailuresTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_list_covers_sub_units_and_people_without_a_photo(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "unitfailures");
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 5, 10, 8, 0, 0, TimeSpan.Zero));
        Unit top = Samples.Unit();
        var sub = new Unit(top.Code + "01", "二级单位", top);
        Unit other = Samples.Unit();
        Person failedAtTop = Samples.Person(top), voidedAtSub = Samples.Person(sub), noPhotoAtSub = Samples.Person(sub),
            producedAtTop = Samples.Person(top), resubmitted = Samples.Person(top), elsewhere = Samples.Person(other);
        DateTimeOffset now = clock.GetUtcNow();
        await using (var db = t.NewContext())
        {
            db.Units.AddRange(top, sub, other);
            db.People.Add(noPhotoAtSub);
            db.CardRecords.Add(Card(failedAtTop, c => { c.Ingest(now, "t"); c.FailProduction("照片不合格", now, "t"); }));
            db.CardRecords.Add(Card(voidedAtSub, c => c.Void("文件名称在数据库系统不存在", now, "t")));
            db.CardRecords.Add(Card(producedAtTop, c => { c.Ingest(now, "t"); c.MarkProduced(new DateOnly(2026, 5, 1), now, "t"); }));
            db.CardRecords.Add(Card(resubmitted, c => c.Void("作废", now, "t")));
            db.CardRecords.Add(Card(elsewhere, c => c.Void("作废", now, "t")));
            await db.SaveChangesAsync();
            db.CardRecords.Add(Card(resubmitted, _ => { })); // a newer card is under way
            await db.SaveChangesAsync();
        }

        var failures = await new CardLifecycleService(t.Database, clock).UnitFailuresAsync(top.Id);
        // Failures to act on first, then the people with no photo.
        Assert.Equal(
            new[] { failedAtTop.PersonalNumber, voidedAtSub.PersonalNumber }.Order(StringComparer.Ordinal).Append(noPhotoAtSub.PersonalNumber),
            failures.Select(f => f.PersonalNumber));
        Assert.Equal(CardLifecycleService.NoPhoto, failures.Single(f => f.PersonalNumber == noPhotoAtSub.PersonalNumber).StateZh);
        Assert.Empty(await new CardLifecycleService(t.Database, clock).UnitFailuresAsync(other.Id + 1000));

        CardRecord Card(Person p, Action<CardRecord> then)
        {
            var card = new CardRecord(p, now);
            card.RecordPhotoReview(1, true, null, now, "t");
            card.SendToCardCentre(now, "t");
            then(card);
            return card;
        }
    }
}
