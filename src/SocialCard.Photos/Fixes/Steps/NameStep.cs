using System.Text.RegularExpressions;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Names the output per the profile: with a person number, "&lt;number&gt;.jpg" (the number must satisfy the profile's
/// name pattern); without one, the original name with a .jpg extension (kept as is when it already fits the pattern).
/// </summary>
public sealed class NameStep : IFixStep
{
    public string Id => "fix.name";

    public FixStepResult Apply(FixContext ctx)
    {
        string? pattern = ctx.Profile.File.NamePattern;
        string stem = Path.GetFileNameWithoutExtension(ctx.FileName);
        if (!string.IsNullOrWhiteSpace(ctx.PersonNumber))
        {
            string name = ctx.PersonNumber.Trim() + ".jpg";
            if (pattern is not null && !Regex.IsMatch(name, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                ctx.SuggestedFileName = stem + ".jpg";
                LocalizedText hint = ctx.Profile.File.NameHint ?? new LocalizedText(pattern, pattern);
                return FixStepResult.Skipped(Id, new LocalizedText(
                    $"个人编号“{ctx.PersonNumber}”不符合命名规则（{hint.Zh}），保留原文件名",
                    $"Person number '{ctx.PersonNumber}' does not fit the naming rule ({hint.En}); original name kept"));
            }

            ctx.SuggestedFileName = name;
            return FixStepResult.Applied(Id, new LocalizedText($"按个人编号命名为 {name}", $"Named {name} by the person number"));
        }

        ctx.SuggestedFileName = stem + ".jpg";
        return FixStepResult.Skipped(Id, new LocalizedText($"未提供个人编号，文件名为 {ctx.SuggestedFileName}", $"No person number given; file named {ctx.SuggestedFileName}"));
    }
}
