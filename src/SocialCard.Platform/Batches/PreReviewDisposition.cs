namespace SocialCard.Platform.Batches;

/// <summary>What happens to one batch entry after pre-review (seed 000, 三 照片处理入库).</summary>
public enum PreReviewDisposition
{
    /// <summary>预审不合格: voided with the engine's reasons; goes on the unit's pre-review failure list.</summary>
    FailedPreReview = 0,

    /// <summary>预审合格 but the personal number is not in the card database: voided.</summary>
    Unmatched = 1,

    /// <summary>预审合格 and matched: send to the card centre.</summary>
    ReadyForCardCentre = 2,

    /// <summary>The reviewer or registry threw: nothing was decided; retry the entry rather than void it.</summary>
    Faulted = 3,
}
