namespace SocialCard.Photos.Analysis;

/// <summary>
/// One reading of <see cref="CutOutMeasure"/> on a person mask: the measures (null when not taken) and the two
/// readings that decide whether they are taken: <see cref="BackgroundLevel"/>, the median darkest-channel distance
/// from 255 of the sure background above the chin (white at most <see cref="CutOutMeasure.WhiteBackground"/>; 256 when
/// there is none), and <see cref="PersonAtFace"/>, the mask's mean probability at the 68 landmarks (a person at least 0.5).
/// </summary>
public sealed record CutOutReading(CutOutMeasure? Measure, int BackgroundLevel, double PersonAtFace)
{
    /// <summary>No reading: the photo or the face is too small to measure.</summary>
    public static CutOutReading Unread { get; } = new(null, 256, 0);
}
