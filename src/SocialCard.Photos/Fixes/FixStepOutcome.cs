namespace SocialCard.Photos.Fixes;

/// <summary>What a fix step did.</summary>
public enum FixStepOutcome
{
    /// <summary>The step changed the photo.</summary>
    Applied,

    /// <summary>Nothing to do: the photo already met the step's target.</summary>
    Skipped,

    /// <summary>The step could not do its work; the fix stops and is refused.</summary>
    Failed,
}
