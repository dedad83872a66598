namespace SocialCard.Imaging;

/// <summary>The bytes are not a readable image (corrupt, truncated, unsupported, or over the pixel limit).</summary>
public sealed class InvalidImageContentException : Exception
{
    public InvalidImageContentException(string message)
        : base(message)
    {
    }

    public InvalidImageContentException()
    {
    }

    public InvalidImageContentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
