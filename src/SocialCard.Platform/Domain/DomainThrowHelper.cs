using System.Diagnostics.CodeAnalysis;

namespace SocialCard.Platform.Domain;

internal static class DomainThrowHelper
{
    [DoesNotReturn]
    public static void Throw(string zh, string en) => throw new SocialCardDomainException(zh, en);

    [DoesNotReturn]
    public static T Throw<T>(string zh, string en) => throw new SocialCardDomainException(zh, en);
}
