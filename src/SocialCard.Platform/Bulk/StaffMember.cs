namespace SocialCard.Platform.Bulk;

/// <summary>One row of a unit's staff list: name, ID number and the 10-digit personal number (row 2 = first data row).</summary>
public sealed record StaffMember(int Row, string Name, string IdNumber, string PersonalNumber);
