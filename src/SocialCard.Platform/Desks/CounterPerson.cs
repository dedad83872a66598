using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Desks;

/// <summary>A person of the selected unit as the counter's search list shows them (name and ID number masked).</summary>
public sealed record CounterPerson(string PersonalNumber, string MaskedName, string MaskedIdNumber, string? UnitCode, CardState? CardState, bool HasPhoto);
