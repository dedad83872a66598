namespace SocialCard.Imaging.Formats.Jpeg;

/// <summary>Chroma subsampling of a colour JPEG. Values are TurboJPEG's TJSAMP codes.</summary>
public enum ChromaSubsampling
{
    /// <summary>4:4:4, no chroma subsampling.</summary>
    Chroma444 = 0,

    /// <summary>4:2:2, chroma halved horizontally.</summary>
    Chroma422 = 1,

    /// <summary>4:2:0, chroma halved in both directions (the usual camera/web choice).</summary>
    Chroma420 = 2,
}
