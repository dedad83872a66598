using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PersonStorageTests(PostgresServer server)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Id_and_phone_are_encrypted_at_rest_and_found_by_keyed_hash(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Id_and_phone_are_encrypted_at_rest_and_found_by_keyed_hash));
        var id = Samples.ResidentId();
        await using (var db = t.NewContext())
        {
            var unit = Samples.Unit();
            db.Units.Add(unit);
            db.People.Add(Samples.Person(unit, id, "13912345678", "李四"));
            await db.SaveChangesAsync();
        }

        await using (var db = t.NewContext())
        {
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT id_number, phone FROM people";
            await using var r = await cmd.ExecuteReaderAsync();
            Assert.True(await r.ReadAsync());
            var rawId = (byte[])r[0];
            var rawPhone = (byte[])r[1];
            Assert.DoesNotContain(id, Encoding.UTF8.GetString(rawId), StringComparison.Ordinal);
            Assert.DoesNotContain("13912345678", Encoding.UTF8.GetString(rawPhone), StringComparison.Ordinal);
            Assert.Equal(1 + 2 + 12 + 18 + 16, rawId.Length); // version, key id, nonce, 18 bytes, tag
        }

        await using (var db = t.NewContext())
        {
            var hash = db.LookupHash(id.ToLowerInvariant());
            var p = await db.People.SingleAsync(x => x.IdNumberHash == hash);
            Assert.Equal(id, p.IdNumber);
            Assert.Equal("13912345678", p.Phone);
            var phoneHash = db.LookupHash("13912345678");
            Assert.Equal(p.Id, (await db.People.SingleAsync(x => x.PhoneHash == phoneHash)).Id);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Same_id_number_cannot_be_stored_twice(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Same_id_number_cannot_be_stored_twice));
        var id = Samples.ResidentId();
        await using var db = t.NewContext();
        db.People.Add(Samples.Person(null, id));
        await db.SaveChangesAsync();
        db.People.Add(Samples.Person(null, id));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Card_transitions_are_audited_in_the_same_save(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Card_transitions_are_audited_in_the_same_save));
        var now = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        string pn;
        await using (var db = t.NewContext())
        {
            var person = Samples.Person();
            pn = person.PersonalNumber;
            db.People.Add(person);
            var card = new CardRecord(person, now);
            db.CardRecords.Add(card);
            await db.SaveChangesAsync();
            card.RecordPhotoReview(1, true, null, now, "system:test");
            card.SendToCardCentre(now.AddHours(1), "staff:wang");
            await db.SaveChangesAsync();
            Assert.Empty(card.PendingChanges);
            Assert.Equal(1, card.Version);
        }

        await using (var db = t.NewContext())
        {
            var events = await db.AuditEvents.Where(e => e.EntityType == "card" && e.EntityId == pn).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(new[] { "Collecting->PhotoPassed", "PhotoPassed->SentToCardCentre" }, events.Select(e => e.Detail ?? "").ToArray());
            Assert.All(events, e => Assert.Equal(AuditActions.CardStateChanged, e.Action));
            Assert.Equal("staff:wang", events[1].Actor);
            Assert.Equal(now.AddHours(1), events[1].At);
            var card = await db.CardRecords.SingleAsync(c => c.PersonalNumber == pn);
            Assert.Equal(CardState.SentToCardCentre, card.State);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Concurrent_card_updates_are_detected(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Concurrent_card_updates_are_detected));
        var now = DateTimeOffset.UtcNow;
        long id;
        await using (var db = t.NewContext())
        {
            var card = new CardRecord(Samples.Person(), now);
            db.CardRecords.Add(card);
            await db.SaveChangesAsync();
            id = card.Id;
        }

        await using var a = t.NewContext();
        await using var b = t.NewContext();
        var ca = await a.CardRecords.SingleAsync(c => c.Id == id);
        var cb = await b.CardRecords.SingleAsync(c => c.Id == id);
        ca.RecordPhotoReview(1, true, null, now, "a");
        cb.RecordPhotoReview(2, false, "背景不为纯白", now, "b");
        await a.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
    }
}
