namespace SocialCard.Platform.Registry;

/// <summary>A problem with one row of an import file (row 2 = the first data row under the header).</summary>
public sealed record ImportRowError(int Row, string Field, string Zh, string En);
