using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.File;

/// <summary>file.name: the file name (with extension) matches the profile's naming rule, e.g. 10 digits + ".jpg".</summary>
public sealed class FileNameRule : IPhotoRule
{
    private static readonly ConcurrentDictionary<string, Regex> s_patterns = new(StringComparer.Ordinal);

    public string Id => "file.name";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        string? pattern = profile.File.NamePattern;
        if (string.IsNullOrEmpty(pattern))
        {
            return RuleFinding.Skip(Id, new LocalizedText("本规范对文件名没有要求", "This profile has no naming rule."));
        }

        string name = Path.GetFileName(context.FileName);
        Regex regex = s_patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)));
        bool ok;
        try
        {
            ok = regex.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            ok = false;
        }

        LocalizedText hint = profile.File.NameHint ?? new LocalizedText(pattern, pattern);
        if (ok)
        {
            return RuleFinding.Pass(Id, new LocalizedText("文件名符合要求", "The file name follows the naming rule."), text: name, limit: pattern);
        }

        string stem = Path.GetFileNameWithoutExtension(name);
        int digits = 0;
        foreach (char c in stem)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        string whatZh = digits == stem.Length && stem.Length > 0 ? $"（文件名是 {stem.Length} 位数字）" : string.Empty;
        string whatEn = digits == stem.Length && stem.Length > 0 ? $" (the name has {stem.Length} digits)" : string.Empty;
        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"文件名“{name}”不符合要求{whatZh}：请以{hint.Zh}命名",
            $"The file name '{name}' does not follow the naming rule{whatEn}: name it with {hint.En}."),
            text: name, limit: pattern);
    }
}
