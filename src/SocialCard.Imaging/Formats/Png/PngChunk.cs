namespace SocialCard.Imaging.Formats.Png;

/// <summary>One chunk located inside the file: type, data offset and length, and whether its CRC matched.</summary>
internal readonly record struct PngChunk(uint Type, int DataOffset, int Length, bool CrcOk);
