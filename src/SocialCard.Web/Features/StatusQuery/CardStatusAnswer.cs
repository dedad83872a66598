namespace SocialCard.Web.Features.StatusQuery;

/// <summary>
/// The public answer. <see cref="Found"/> is false both for "no such person" and "wrong ID number": the two are
/// indistinguishable by design (same text, same shape).
/// </summary>
public sealed record CardStatusAnswer
{
    public required bool Found { get; init; }

    /// <summary>Stable state name (CardState, or "none"/"notfound").</summary>
    public required string State { get; init; }

    public required string StatusZh { get; init; }

    public required string StatusEn { get; init; }

    public string? Reason { get; init; }

    public string? ActionZh { get; init; }

    public string? ActionEn { get; init; }

    public DateOnly? ProducedOn { get; init; }

    public DateOnly? PickupFrom { get; init; }

    public IReadOnlyList<string> PickupNotesZh { get; init; } = [];

    public IReadOnlyList<string> PickupNotesEn { get; init; } = [];

    /// <summary>The Chengdu wizard application, when there is one: its state and until when it may be changed.</summary>
    public string? ApplicationZh { get; init; }

    public string? ApplicationEn { get; init; }

    public static CardStatusAnswer NotFound { get; } = new()
    {
        Found = false,
        State = "notfound",
        StatusZh = "未查询到匹配的制卡信息。请核对社保编号（或10位个人编号）与证件号码是否正确。",
        StatusEn = "No matching card record. Check the social security number (or 10-digit personal number) and the ID number.",
    };
}
