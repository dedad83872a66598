namespace SocialCard.Web.Localization;

/// <summary>One interface string in both languages.</summary>
public readonly record struct UiTextEntry(string Zh, string En);
