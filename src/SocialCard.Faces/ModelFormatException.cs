namespace SocialCard.Faces;

/// <summary>
/// The face-analysis weight files are missing, incomplete or not the ones the code was written for.
/// The message names the file and the set-up step that installs the weights (<c>./setup.sh</c>).
/// </summary>
public sealed class ModelFormatException : Exception
{
    public ModelFormatException()
    {
    }

    public ModelFormatException(string message)
        : base(message)
    {
    }

    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
