using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Console;

public sealed record StatsView(
    IReadOnlyList<StatsRow> PerDay,
    IReadOnlyList<StatsRow> PerUnit,
    IReadOnlyList<(CardState State, int Count)> Cards);

/// <summary>One bar group: batches received, photos passed and failed.</summary>
public sealed record StatsRow(string Label, int Batches, int Passed, int Failed);
