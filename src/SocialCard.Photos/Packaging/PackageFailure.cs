using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Packaging;

/// <summary>A photo left out of the package and why (stable code plus zh-CN/English message).</summary>
public sealed record PackageFailure(string Name, string Code, LocalizedText Reason);
