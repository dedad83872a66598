namespace SocialCard.Platform.Bulk;

/// <summary>One photo handed to the bulk desk: its file name as the unit sent it (no folder) and its bytes.</summary>
public sealed record BulkPhotoFile(string FileName, byte[] Bytes);
