namespace SocialCard.Platform.Batches;

/// <summary>One photo accepted from a unit package: name checks passed and its bytes were read and verified.</summary>
/// <param name="PersonalNumber">The 10-digit Suzhou social security personal number taken from the file name.</param>
/// <param name="EntryName">Full decoded entry name, e.g. <c>3205001234/3205000001.jpg</c>.</param>
/// <param name="FileName">File name without folder, e.g. <c>3205000001.jpg</c>.</param>
/// <param name="Bytes">The uncompressed file content (CRC-32 verified).</param>
/// <param name="LastWriteTime">Time stamp stored in the zip for the entry.</param>
public sealed record BatchPhotoEntry(
    string PersonalNumber,
    string EntryName,
    string FileName,
    byte[] Bytes,
    DateTimeOffset LastWriteTime);
