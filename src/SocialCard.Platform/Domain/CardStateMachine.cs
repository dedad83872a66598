using System.Collections.Frozen;

namespace SocialCard.Platform.Domain;

/// <summary>The explicit table of legal card transitions.</summary>
public static class CardStateMachine
{
    private static readonly FrozenDictionary<CardState, CardState[]> Allowed = new Dictionary<CardState, CardState[]>
    {
        [CardState.Collecting] = [CardState.PhotoPassed, CardState.PhotoFailed],
        [CardState.PhotoFailed] = [CardState.PhotoPassed, CardState.PhotoFailed, CardState.Voided],
        [CardState.PhotoPassed] = [CardState.SentToCardCentre, CardState.PhotoPassed, CardState.PhotoFailed, CardState.Voided],
        [CardState.SentToCardCentre] = [CardState.Ingested, CardState.Voided],
        [CardState.Voided] = [CardState.Collecting],
        [CardState.Ingested] = [CardState.Produced, CardState.ProductionFailed],
        [CardState.Produced] = [CardState.ReadyForPickup],
        [CardState.ReadyForPickup] = [CardState.PickedUp],
        [CardState.PickedUp] = [],
        [CardState.ProductionFailed] = [CardState.Resubmitted],
        [CardState.Resubmitted] = [CardState.PhotoPassed, CardState.PhotoFailed],
    }.ToFrozenDictionary();

    public static bool CanMove(CardState from, CardState to) => Allowed[from].AsSpan().Contains(to);

    public static IReadOnlyList<CardState> Next(CardState from) => Allowed[from];

    public static string ZhName(CardState s) => s switch
    {
        CardState.Collecting => "采集中",
        CardState.PhotoPassed => "预审合格",
        CardState.PhotoFailed => "预审不合格",
        CardState.SentToCardCentre => "已报送制卡中心",
        CardState.Ingested => "照片已入库",
        CardState.Voided => "已作废",
        CardState.Produced => "已制卡",
        CardState.ReadyForPickup => "可领卡",
        CardState.PickedUp => "已领卡",
        CardState.ProductionFailed => "制卡失败",
        CardState.Resubmitted => "已重新提交",
        _ => s.ToString(),
    };
}
