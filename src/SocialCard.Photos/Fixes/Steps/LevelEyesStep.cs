using System.Globalization;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Levels the eyes: decides the rotation about the eye midpoint that makes the eye line horizontal. The rotation is
/// rendered by the crop step in the same resampling pass as the crop and the scale (one interpolation, not three);
/// canvas corners the rotation uncovers are filled with the wall colour.
/// </summary>
public sealed class LevelEyesStep : IFixStep
{
    public string Id => "fix.level-eyes";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Face is null)
        {
            return FixStepResult.Skipped(Id, new LocalizedText("无人脸", "No face"));
        }

        double roll = LandmarkGeometry.RollDegrees(ctx.Face.Landmarks);
        ctx.Levelled = true;
        string value = roll.ToString("0.#", CultureInfo.InvariantCulture);
        if (Math.Abs(roll) <= ctx.Options.RollTolerance)
        {
            ctx.RollDegrees = 0;
            return FixStepResult.Skipped(Id, new LocalizedText($"双眼已水平（倾斜 {value}°）", $"Eyes already level (roll {value} deg)"), "roll (deg)", roll);
        }

        ctx.RollDegrees = roll;
        return FixStepResult.Applied(Id, new LocalizedText($"以双眼中点为轴旋转 {value}°，使双眼水平", $"Rotated {value} deg about the eye midpoint to level the eyes"), "roll (deg)", roll, 0);
    }
}
