namespace SocialCard.Photos.Fixes;

/// <summary>
/// One step of the automatic fix pipeline. A step reads and updates the <see cref="FixContext"/> (never the original
/// bytes or the decoded original) and says what it did. A step that cannot proceed returns
/// <see cref="FixStepOutcome.Failed"/> with a refusal on the context; the pipeline stops there.
/// </summary>
public interface IFixStep
{
    /// <summary>Stable id, e.g. "fix.level-eyes".</summary>
    string Id { get; }

    FixStepResult Apply(FixContext ctx);
}
