namespace SocialCard.Photos.Rules;

/// <summary>A user-facing message, zh-CN first, then English.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public override string ToString() => $"{Zh} / {En}";
}
