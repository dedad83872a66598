namespace SocialCard.Photos.Fixes;

/// <summary>The ordered record of every step the pipeline ran on one photo.</summary>
public sealed class FixReport
{
    private readonly List<FixStepResult> _steps = [];

    public IReadOnlyList<FixStepResult> Steps => _steps;

    /// <summary>Wall-clock time of the whole fix, milliseconds.</summary>
    public double ElapsedMilliseconds { get; internal set; }

    internal void Add(FixStepResult result) => _steps.Add(result);

    public FixStepResult? Find(string stepId)
    {
        foreach (FixStepResult step in _steps)
        {
            if (step.Step == stepId)
            {
                return step;
            }
        }

        return null;
    }

    public override string ToString() => string.Join(Environment.NewLine, _steps);
}
