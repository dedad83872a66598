namespace SocialCard.Platform.Exchange;

/// <summary>Result of checking an export package against its manifest and checksum.</summary>
/// <param name="Lines">Manifest lines that could be parsed.</param>
/// <param name="Problems">Everything that does not agree, in English (an operator/integration message); empty when valid.</param>
public sealed record CardCentreExportVerification(IReadOnlyList<CardCentreManifestLine> Lines, IReadOnlyList<string> Problems)
{
    /// <summary>True when the package agrees with its manifest and checksum.</summary>
    public bool IsValid => Problems.Count == 0;
}
