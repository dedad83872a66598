namespace SocialCard.Imaging.Inspection;

public enum DensityUnit
{
    /// <summary>No unit: the numbers are an aspect ratio only.</summary>
    None = 0,
    DotsPerInch = 1,
    DotsPerCentimetre = 2,
}
