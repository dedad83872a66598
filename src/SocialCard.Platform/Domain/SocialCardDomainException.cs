namespace SocialCard.Platform.Domain;

/// <summary>The one exception type of the platform domain: a broken invariant or an illegal state transition.
/// User input errors are values (<see cref="ValidationError"/>), never this exception.</summary>
public sealed class SocialCardDomainException : Exception
{
    public SocialCardDomainException()
    {
        Zh = string.Empty;
        En = string.Empty;
    }

    public SocialCardDomainException(string message) : base(message)
    {
        Zh = message;
        En = message;
    }

    public SocialCardDomainException(string message, Exception innerException) : base(message, innerException)
    {
        Zh = message;
        En = message;
    }

    public SocialCardDomainException(string zh, string en) : base(zh + " / " + en)
    {
        Zh = zh;
        En = en;
    }

    /// <summary>Message in zh-CN.</summary>
    public string Zh { get; }

    /// <summary>Message in English.</summary>
    public string En { get; }
}
