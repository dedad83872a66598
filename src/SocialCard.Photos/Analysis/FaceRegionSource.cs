namespace SocialCard.Photos.Analysis;

public enum FaceRegionSource
{
    /// <summary>Where the profile geometry says a compliant face must be (no face detector ran).</summary>
    ProfileGeometry = 0,

    /// <summary>From a detected face (box and landmarks).</summary>
    DetectedFace,
}
