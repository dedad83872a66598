using SocialCard.Platform.Domain;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Domain;

public sealed class CardRecordTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Happy_path_goes_to_picked_up_with_each_change_recorded()
    {
        var card = new CardRecord(Samples.Person(), T);
        card.RecordPhotoReview(7, true, null, T, "sys");
        card.SendToCardCentre(T, "sys");
        card.Ingest(T, "centre");
        card.MarkProduced(new DateOnly(2026, 2, 1), T, "centre");
        Assert.Equal(new DateOnly(2026, 3, 3), card.ReadyForPickupOn);
        card.MarkReadyForPickup(new DateOnly(2026, 3, 3), T, "sys");
        card.PickUp(T, "staff:li");
        Assert.Equal(CardState.PickedUp, card.State);
        Assert.Equal(6, card.PendingChanges.Count);
        Assert.Equal(CardState.ReadyForPickup, card.PendingChanges[^1].From);
        Assert.Equal(7, card.PhotoId);
    }

    [Fact]
    public void Pickup_before_production_plus_30_days_is_refused()
    {
        var card = Produced(new DateOnly(2026, 2, 1));
        var ex = Assert.Throws<SocialCardDomainException>(() => card.MarkReadyForPickup(new DateOnly(2026, 3, 2), T, "sys"));
        Assert.Contains("2026-03-03", ex.En, StringComparison.Ordinal);
        Assert.Contains("30日", ex.Zh, StringComparison.Ordinal);
        Assert.Equal(CardState.Produced, card.State);
    }

    [Fact]
    public void Illegal_transitions_throw_with_zh_and_en_text()
    {
        var card = new CardRecord(Samples.Person(), T);
        var ex = Assert.Throws<SocialCardDomainException>(() => card.SendToCardCentre(T, "sys"));
        Assert.Contains("采集中", ex.Zh, StringComparison.Ordinal);
        Assert.Contains("Collecting to SentToCardCentre", ex.En, StringComparison.Ordinal);
        Assert.Throws<SocialCardDomainException>(() => card.PickUp(T, "sys"));
        Assert.Throws<SocialCardDomainException>(() => card.Ingest(T, "sys"));
        Assert.Empty(card.PendingChanges);
    }

    [Fact]
    public void Void_needs_a_reason_and_can_be_reopened()
    {
        var card = new CardRecord(Samples.Person(), T);
        card.RecordPhotoReview(1, true, null, T, "sys");
        card.SendToCardCentre(T, "sys");
        Assert.Throws<ArgumentException>(() => card.Void(" ", T, "centre"));
        card.Void("文件名称在数据库系统不存在", T, "centre");
        Assert.Equal(CardState.Voided, card.State);
        Assert.Equal("文件名称在数据库系统不存在", card.Reason);
        card.Reopen(T, "unit");
        Assert.Equal(CardState.Collecting, card.State);
    }

    [Fact]
    public void Production_failure_is_resubmitted_and_reviewed_again()
    {
        var card = new CardRecord(Samples.Person(), T);
        card.RecordPhotoReview(1, true, null, T, "sys");
        card.SendToCardCentre(T, "sys");
        card.Ingest(T, "centre");
        card.FailProduction("无照片", T, "centre");
        Assert.Throws<SocialCardDomainException>(() => card.MarkProduced(new DateOnly(2026, 2, 1), T, "centre"));
        card.Resubmit(T, "unit");
        card.RecordPhotoReview(2, false, "背景不为纯白", T, "sys");
        Assert.Equal(CardState.PhotoFailed, card.State);
        card.RecordPhotoReview(3, true, null, T, "sys");
        Assert.Equal(CardState.PhotoPassed, card.State);
    }

    [Fact]
    public void Every_state_has_a_transition_table_entry_and_picked_up_is_final()
    {
        foreach (var s in Enum.GetValues<CardState>())
        {
            _ = CardStateMachine.Next(s);
        }

        Assert.Empty(CardStateMachine.Next(CardState.PickedUp));
    }

    private static CardRecord Produced(DateOnly on)
    {
        var card = new CardRecord(Samples.Person(), T);
        card.RecordPhotoReview(1, true, null, T, "sys");
        card.SendToCardCentre(T, "sys");
        card.Ingest(T, "centre");
        card.MarkProduced(on, T, "centre");
        return card;
    }
}
