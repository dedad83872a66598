namespace SocialCard.Photos.Analysis;

/// <summary>
/// Rows across the head for <see cref="HairTopMeasure.Scan{TRows}"/>, numbered from the brows (0) upwards: each row's
/// samples either show the background or differ from it.
/// </summary>
internal interface IHeadRows
{
    /// <summary>How many rows there are above the brows.</summary>
    int Count { get; }

    /// <summary>
    /// Samples of row <paramref name="k"/> that differ from the background (the count may stop once it reaches
    /// <paramref name="enough"/>), and how many of the row's samples lie inside the image.
    /// </summary>
    int Differing(int k, int enough, out int inside);
}
