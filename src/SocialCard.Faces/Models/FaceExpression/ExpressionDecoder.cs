namespace SocialCard.Faces.Models.FaceExpression;

/// <summary>Softmax of the seven expression logits, in double.</summary>
internal static class ExpressionDecoder
{
    public static double[] Softmax(ReadOnlySpan<float> logits)
    {
        double max = double.MinValue;
        foreach (float v in logits)
        {
            max = Math.Max(max, v);
        }

        var p = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            p[i] = Math.Exp(logits[i] - max);
            sum += p[i];
        }

        for (int i = 0; i < p.Length; i++)
        {
            p[i] /= sum;
        }

        return p;
    }
}
