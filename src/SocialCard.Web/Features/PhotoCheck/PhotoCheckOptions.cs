namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>Section "PhotoCheck": the photo engine and the limits of the synchronous check.</summary>
public sealed class PhotoCheckOptions
{
    /// <summary>Photos per API call (the seed's package limit).</summary>
    public int MaxPhotosPerRequest { get; set; } = 50;

    /// <summary>Parallel checks per call; 0 = one per core.</summary>
    public int MaxParallelism { get; set; }

    /// <summary>Checks running at once on this node, over every caller (uploads, wizard, API, jobs); 0 = one per core.</summary>
    public int MaxConcurrentChecks { get; set; }

    /// <summary>Run the face analysis (pose, eyes, expression, geometry rules; needed by the fix).</summary>
    public bool UseFaces { get; set; } = true;

    /// <summary>
    /// Compare the face of each unit-package photo with the photos on file for other people (the face recognition net,
    /// loaded only then): a match waits for centre review. Off in the demo, whose sample people share the development
    /// photos' faces on purpose.
    /// </summary>
    public bool CompareFaces { get; set; } = true;

    /// <summary>Folder of the face-api weights; default: the first models/face-api above the app (./setup.sh puts them there).</summary>
    public string? FaceModelDirectory { get; set; }
}
