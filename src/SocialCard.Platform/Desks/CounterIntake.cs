namespace SocialCard.Platform.Desks;

/// <summary>
/// 柜面提交纸质照片: what the clerk takes from the unit for one person: the scanned or photographed paper photo and
/// whether the 申领表 and the 采集表 were handed in with it. <paramref name="UnitCode"/> is the unit the clerk selected;
/// the person must belong to it or to one of its sub-units.
/// </summary>
public sealed record CounterIntake(string UnitCode, string PersonalNumber, byte[] Photo, bool ApplicationFormReceived, bool CollectionFormReceived);
