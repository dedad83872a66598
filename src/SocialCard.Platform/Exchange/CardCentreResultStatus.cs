namespace SocialCard.Platform.Exchange;

/// <summary>The <c>status</c> column of a card-centre result file.</summary>
public enum CardCentreResultStatus
{
    /// <summary><c>ingested</c>: 照片校验入库.</summary>
    Ingested = 0,

    /// <summary><c>voided</c>: 作废 (e.g. the number is not in the card system); a reason is required.</summary>
    Voided = 1,

    /// <summary><c>produced</c>: 已制卡; a production date is required.</summary>
    Produced = 2,

    /// <summary><c>failed</c>: 制卡失败; a reason is required.</summary>
    Failed = 3,

    /// <summary><c>picked_up</c>: 已领卡; the production date is required.</summary>
    PickedUp = 4,
}
