namespace SocialCard.Imaging.Inspection;

/// <summary>Chroma subsampling found in a JPEG frame header.</summary>
public enum ChromaSubsamplingKind
{
    /// <summary>Not a 3-component JPEG (greyscale, CMYK, or not JPEG).</summary>
    None = 0,
    Chroma444,
    Chroma422,
    Chroma420,
    Chroma440,

    /// <summary>Any other sampling-factor combination.</summary>
    Other,
}
