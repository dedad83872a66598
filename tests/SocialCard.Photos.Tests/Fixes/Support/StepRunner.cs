using SocialCard.Photos.Fixes;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>Runs the fixer's steps one by one on a context so a test can stop before, and then apply, one step.</summary>
internal static class StepRunner
{
    /// <summary>A context with every step before <paramref name="stepId"/> applied (each must not fail).</summary>
    public static FixContext Before(string stepId, byte[] data, SpecProfile? profile = null, FixOptions? options = null, string name = "photo.jpg")
    {
        PhotoFixer fixer = FixTestData.Fixer(options);
        var ctx = new FixContext(data, name, profile ?? FixTestData.Suzhou, options ?? FixOptions.Default, null);
        foreach (IFixStep step in fixer.Steps)
        {
            if (step.Id == stepId)
            {
                return ctx;
            }

            FixStepResult r = step.Apply(ctx);
            Assert.True(r.Outcome != FixStepOutcome.Failed, $"{step.Id} failed: {r.Reason.En}");
        }

        throw new ArgumentException("No step " + stepId, nameof(stepId));
    }

    public static IFixStep Step(string stepId)
    {
        foreach (IFixStep step in FixTestData.Fixer().Steps)
        {
            if (step.Id == stepId)
            {
                return step;
            }
        }

        throw new ArgumentException("No step " + stepId, nameof(stepId));
    }
}
