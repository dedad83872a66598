namespace SocialCard.Platform.Domain;

/// <summary>The life of one social security card (seed 000, 三 照片处理入库 to 七 领卡提醒).</summary>
public enum CardState
{
    /// <summary>采集中 / waiting for a photo.</summary>
    Collecting = 0,

    /// <summary>预审合格.</summary>
    PhotoPassed = 1,

    /// <summary>预审不合格: on the unit's failure list; a new photo is needed.</summary>
    PhotoFailed = 2,

    /// <summary>已发送至市社保卡中心.</summary>
    SentToCardCentre = 3,

    /// <summary>照片校验入库.</summary>
    Ingested = 4,

    /// <summary>作废 (e.g. personal number not in the card system).</summary>
    Voided = 5,

    /// <summary>已制卡, with a production date.</summary>
    Produced = 6,

    /// <summary>可领卡: production date + 30 days reached.</summary>
    ReadyForPickup = 7,

    /// <summary>已领卡.</summary>
    PickedUp = 8,

    /// <summary>制卡失败 (e.g. 无照片).</summary>
    ProductionFailed = 9,

    /// <summary>制卡失败后重新提交照片.</summary>
    Resubmitted = 10,
}
