using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Drafts;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Services;

[Collection(PostgresCollection.Name)]
public sealed class ApplicationDraftServiceTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_draft_is_an_application_row_found_by_its_token_replaced_for_another_person_and_expired_when_idle(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_draft_is_an_application_row_found_by_its_token_replaced_for_another_person_and_expired_when_idle));
        long first, second;
        await using (var db = t.NewContext())
        {
            var a = Samples.Person(idNumber: Samples.ResidentId(seq: 11));
            var b = Samples.Person(idNumber: Samples.ResidentId(seq: 12), name: "李四");
            db.People.AddRange(a, b);
            await db.SaveChangesAsync();
            (first, second) = (a.Id, b.Id);
        }

        var clock = new ManualTimeProvider(T0);
        var drafts = new ApplicationDraftService(t.Database, clock);
        Assert.Null(await drafts.FindAsync("token-1"));
        var images = new ApplicationDraftImages([1, 2, 3], null, [4], null);
        var id = await drafts.SaveAsync("token-1", first, "{\"step\":3,\"name\":\"张三\"}", images);

        // Another service (another node) finds it.
        var found = await new ApplicationDraftService(t.Database, clock).FindAsync("token-1");
        Assert.NotNull(found);
        Assert.Equal((id, first, ApplicationState.Draft), (found.ApplicationId, found.PersonId, found.State));
        Assert.Equal([1, 2, 3], found.Images.Photo);
        Assert.Equal([4], found.Images.IdFront);
        await using (var db = t.NewContext())
        {
            var raw = await db.Database.SqlQueryRaw<byte[]>("SELECT wizard_state AS \"Value\" FROM applications").SingleAsync();
            Assert.DoesNotContain("张三", System.Text.Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
        }

        // The applicant changed the ID number: the draft is now the other person's, still one row.
        var replaced = await drafts.SaveAsync("token-1", second, "{}", images);
        Assert.NotEqual(id, replaced);
        Assert.Equal(second, (await drafts.FindAsync("token-1"))!.PersonId);
        await using (var db = t.NewContext())
        {
            Assert.Equal(1, await db.Applications.CountAsync());
        }

        clock.Advance(ApplicationDraftService.IdleLifetime + TimeSpan.FromSeconds(1));
        Assert.Null(await drafts.FindAsync("token-1"));
        Assert.Equal(1, await drafts.DeleteStaleAsync());
        await using (var db = t.NewContext())
        {
            Assert.Equal(0, await db.Applications.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_draft_begun_under_another_token_is_continued_under_the_new_one_and_the_old_token_loses_it(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_draft_begun_under_another_token_is_continued_under_the_new_one_and_the_old_token_loses_it));
        long personId, otherPersonId;
        await using (var db = t.NewContext())
        {
            var a = Samples.Person(idNumber: Samples.ResidentId(seq: 21));
            var b = Samples.Person(idNumber: Samples.ResidentId(seq: 22), name: "李四");
            db.People.AddRange(a, b);
            await db.SaveChangesAsync();
            (personId, otherPersonId) = (a.Id, b.Id);
        }

        var clock = new ManualTimeProvider(T0);
        var drafts = new ApplicationDraftService(t.Database, clock);
        var earlierId = await drafts.SaveAsync("phone-token", personId, "{\"earlier\":true}", new ApplicationDraftImages([7], [8], [9], [10]));
        await drafts.SaveAsync("someone-else", otherPersonId, "{}", new ApplicationDraftImages(null, null, null, null));
        clock.Advance(TimeSpan.FromMinutes(30));
        await drafts.SaveAsync("laptop-token", personId, "{\"earlier\":false}", new ApplicationDraftImages(null, null, null, null));

        var adopted = await drafts.AdoptOtherAsync("laptop-token", personId);
        Assert.NotNull(adopted);
        Assert.Equal((earlierId, "{\"earlier\":true}"), (adopted.ApplicationId, adopted.WizardState));
        Assert.Equal([9], adopted.Images.IdFront);
        Assert.Equal(earlierId, (await drafts.FindAsync("laptop-token"))!.ApplicationId);
        Assert.Null(await drafts.FindAsync("phone-token"));
        Assert.Null(await drafts.AdoptOtherAsync("laptop-token", personId)); // nothing else left to continue
        await using (var db = t.NewContext())
        {
            Assert.Equal(2, await db.Applications.CountAsync()); // the laptop's own empty draft went; the other person's stays
        }

        // A draft idle past its lifetime is not continued.
        await drafts.SaveAsync("old-token", otherPersonId, "{}", new ApplicationDraftImages(null, null, null, null));
        clock.Advance(ApplicationDraftService.IdleLifetime + TimeSpan.FromMinutes(1));
        await drafts.SaveAsync("new-token", otherPersonId, "{}", new ApplicationDraftImages(null, null, null, null));
        Assert.Null(await drafts.AdoptOtherAsync("new-token", otherPersonId));
    }
}
