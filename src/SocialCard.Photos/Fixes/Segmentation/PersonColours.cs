namespace SocialCard.Photos.Fixes.Segmentation;

/// <summary>The person's own colours in a crop (<see cref="MatteCleanup.PersonPalette"/>), read once per separation.</summary>
/// <param name="Interior">1 at the pixels of the person's solid interior (at least one pass sure, deep inside the region
/// either pass calls person, the mouth left out), else 0.</param>
/// <param name="Clothes">Centre colours of the RGB cells the interior below the chin fills.</param>
/// <param name="Torso">Counts per RGB cell of the interior below the chin.</param>
internal sealed record PersonColours(byte[] Interior, List<(int R, int G, int B)> Clothes, int[] Torso);
