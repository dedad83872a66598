namespace SocialCard.Cli.Inputs;

/// <summary>One photo to check: where it came from (as the user gave it, plus the zip entry) and its bytes.</summary>
/// <param name="DisplayPath">The path as given, with <c>!entry</c> appended for a zip entry.</param>
/// <param name="FileName">The bare file name the naming rule judges.</param>
/// <param name="Bytes">The file content, or null when it could not be read.</param>
/// <param name="ReadError">Why the bytes could not be read (zh / en), when they could not.</param>
internal sealed record PhotoInput(string DisplayPath, string FileName, byte[]? Bytes, string? ReadError);
