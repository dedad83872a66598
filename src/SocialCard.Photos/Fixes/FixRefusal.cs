using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes;

/// <summary>Why a photo cannot be fixed automatically: a stable code plus the reason in zh-CN and English.</summary>
public sealed record FixRefusal(string Code, LocalizedText Reason)
{
    public override string ToString() => $"{Code}: {Reason}";
}
