namespace SocialCard.Photos;

/// <summary>Overall result for one photo.</summary>
public enum PhotoVerdict
{
    Pass = 0,
    Warn,
    Fail,

    /// <summary>The file could not be read as an image at all; the findings say why.</summary>
    Error,
}
