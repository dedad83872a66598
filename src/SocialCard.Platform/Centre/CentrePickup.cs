using System.Globalization;
using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Centre;

/// <summary>Where and how cards are collected (领卡提醒), shown on the status page, the portal and the API.</summary>
public sealed class CentrePickup
{
    /// <summary>The service point that hands cards out (领卡地点).</summary>
    public CentreText Place { get; set; } = new("园区社会保障·市民卡服务中心", "SIP Social Security / Citizen Card Service Centre");

    public CentreText Address { get; set; } = new("园区星海生活广场南区负二层A206-2号", "Room A206-2, B2, South Zone, Xinghai Life Plaza, SIP");

    /// <summary>What the collecting person brings (携带材料).</summary>
    public CentreText Materials { get; set; } = new("介绍信（盖章）、经办人有效身份证件原件及复印件",
        "a stamped letter of introduction, and the original and a copy of the collecting person's valid ID");

    /// <summary>The pickup notes (what to bring, from when, where) in one language.</summary>
    public IReadOnlyList<string> Notes(bool english)
    {
        string days = CardRecord.PickupDelayDays.ToString(CultureInfo.InvariantCulture);
        return english
            ? [$"Bring: {Materials.In(true)}.", $"When: from {days} days after the production date.", $"Where: {Place.In(true)}, {Address.In(true)}."]
            : [$"携带材料：{Materials.Zh}。", $"领卡时间：“制卡日期”的{days}日之后。", $"领卡地点：{Place.Zh}，{Address.Zh}。"];
    }
}
