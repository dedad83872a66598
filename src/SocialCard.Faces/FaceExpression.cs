namespace SocialCard.Faces;

/// <summary>The seven classes of the expression net, in its output order.</summary>
public enum FaceExpression
{
    Neutral,
    Happy,
    Sad,
    Angry,
    Fearful,
    Disgusted,
    Surprised,
}
