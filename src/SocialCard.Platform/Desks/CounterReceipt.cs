namespace SocialCard.Platform.Desks;

/// <summary>回执: what a unit handed in at the counter on one day, one line per person (their latest photo, the forms of all that day's submissions).</summary>
public sealed record CounterReceipt(string UnitCode, string UnitName, DateOnly Day, IReadOnlyList<CounterReceiptLine> Lines);
