namespace SocialCard.Imaging.Processing.Color;

/// <summary>Running sums of L*, a*, b* and chroma C* over colour samples, and the sample count (<see cref="LabKernel"/>).</summary>
public record struct LabSums(double L, double A, double B, double Chroma, int Count)
{
    /// <summary>The mean colour of the samples; default when there were none.</summary>
    public readonly Lab Mean => Count > 0 ? new Lab(L / Count, A / Count, B / Count) : default;

    /// <summary>The mean chroma of the samples (not the chroma of the mean colour); 0 when there were none.</summary>
    public readonly double MeanChroma => Count > 0 ? Chroma / Count : 0;
}
