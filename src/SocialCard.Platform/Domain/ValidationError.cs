namespace SocialCard.Platform.Domain;

/// <summary>One problem with user input, as a value: the field it concerns and the message in zh-CN and English.</summary>
public sealed record ValidationError(string Field, string Zh, string En)
{
    public override string ToString() => $"{Field}: {Zh} / {En}";
}
