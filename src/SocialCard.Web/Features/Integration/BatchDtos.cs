namespace SocialCard.Web.Features.Integration;

public sealed record BatchRefusalDto(string Code, string? Entry, string Zh, string En);

/// <summary><c>POST /api/v1/batches</c> answer.</summary>
public sealed record BatchAcceptedDto(long BatchId, int Accepted, IReadOnlyList<BatchRefusalDto> Refusals, string StatusUrl);

public sealed record BatchEntryDto(string Entry, string PersonalNumber, string Verdict, IReadOnlyList<BatchReasonDto> Reasons);

public sealed record BatchReasonDto(string Rule, string Zh, string En);

/// <summary><c>GET /api/v1/batches/{id}</c> answer.</summary>
public sealed record BatchStatusDto(long BatchId, string Unit, string State, int Total, int Reviewed, int Passed, int Failed, bool Complete, IReadOnlyList<BatchEntryDto> Entries);

/// <summary><c>GET /api/v1/cards/{personalNumber}</c> answer; pick-up = production date + 30 days.</summary>
public sealed record CardStatusDto(string PersonalNumber, string Unit, string State, string StateZh, string? Reason, DateOnly? ProducedOn, DateOnly? ReadyForPickupOn, DateTimeOffset UpdatedAt, IReadOnlyList<string> PickupNotes);
