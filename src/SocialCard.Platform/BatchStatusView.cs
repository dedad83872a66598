using SocialCard.Platform.Domain;

namespace SocialCard.Platform;

/// <summary>A batch as the unit sees it.</summary>
public sealed record BatchStatusView(long Id, string FileName, string Operator, BatchState State, int EntryCount, int Reviewed,
    int PassedCount, int FailedCount, DateTimeOffset ReceivedAt, DateTimeOffset? ReviewedAt);
