namespace SocialCard.Imaging.Native;

/// <summary>A native codec library the product needs is not installed; the message names the package.</summary>
public sealed class NativeLibraryMissingException : Exception
{
    public NativeLibraryMissingException(string message)
        : base(message)
    {
    }

    public NativeLibraryMissingException()
    {
    }

    public NativeLibraryMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
