namespace SocialCard.Faces.Tests.TestUtilities;

/// <summary>Tracks the largest absolute difference seen and where.</summary>
internal sealed class MaxError
{
    public double Value { get; private set; }

    public string Where { get; private set; } = "";

    public void Add(double expected, double actual, string where)
    {
        double d = Math.Abs(expected - actual);
        if (double.IsNaN(d) || d > Value)
        {
            Value = double.IsNaN(d) ? double.PositiveInfinity : d;
            Where = $"{where}: expected {expected:R}, got {actual:R}";
        }
    }

    public override string ToString() => $"{Value:E3} at {Where}";
}
