namespace SocialCard.Photos.Profiles;

/// <summary>A profile file is missing, malformed or inconsistent.</summary>
public sealed class SpecProfileException : Exception
{
    public SpecProfileException()
    {
    }

    public SpecProfileException(string message)
        : base(message)
    {
    }

    public SpecProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
