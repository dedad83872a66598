namespace SocialCard.Faces;

/// <summary>Softmax probabilities of the seven expressions (they sum to 1).</summary>
public sealed class FaceExpressions
{
    public const int Count = 7;

    private readonly double[] _probabilities;

    internal FaceExpressions(double[] probabilities)
    {
        if (probabilities.Length != Count)
        {
            throw new ArgumentException("Seven probabilities expected.", nameof(probabilities));
        }

        _probabilities = probabilities;
    }

    public double this[FaceExpression expression] => _probabilities[(int)expression];

    /// <summary>Probabilities in <see cref="FaceExpression"/> order.</summary>
    public IReadOnlyList<double> Probabilities => _probabilities;

    public double Neutral => this[FaceExpression.Neutral];

    public double Happy => this[FaceExpression.Happy];

    public double Sad => this[FaceExpression.Sad];

    public double Angry => this[FaceExpression.Angry];

    public double Fearful => this[FaceExpression.Fearful];

    public double Disgusted => this[FaceExpression.Disgusted];

    public double Surprised => this[FaceExpression.Surprised];

    /// <summary>The most probable expression (first one on ties).</summary>
    public FaceExpression Dominant
    {
        get
        {
            int best = 0;
            for (int i = 1; i < Count; i++)
            {
                if (_probabilities[i] > _probabilities[best])
                {
                    best = i;
                }
            }

            return (FaceExpression)best;
        }
    }
}
