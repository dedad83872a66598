namespace SocialCard.Photos.Faces;

/// <summary>What a face engine saw in one photo: every face found, most confident first.</summary>
public sealed class FaceObservation
{
    public required IReadOnlyList<ObservedFace> Faces { get; init; }

    public ObservedFace? Primary => Faces.Count > 0 ? Faces[0] : null;
}
