using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Console;

/// <summary>
/// What a failed or doubtful check of a scanned paper photo means for the clerk at the scanner: a recapture (翻拍),
/// an unsharp scan, the wrong size or resolution, format or colour mode each get one instruction in clerk words
/// (text keys of <see cref="CounterTexts"/>), once each, in this order.
/// </summary>
public static class CounterScanAdvice
{
    private static readonly (string Key, string[] Rules)[] s_advice =
    [
        ("console.counter.scan.recapture", ["source.recapture"]),
        ("console.counter.scan.sharpness", ["sharpness.blur", "sharpness.ghost"]),
        ("console.counter.scan.size", ["image.dimensions", "image.dpi", "file.size"]),
        ("console.counter.scan.format", ["file.format"]),
        ("console.counter.scan.colour", ["color.grayscale", "image.color-depth"]),
    ];

    public static IReadOnlyList<string> For(IEnumerable<PhotoFinding> findings)
    {
        HashSet<string> problems = [.. findings.Where(f => f.Outcome is FindingOutcome.Fail or FindingOutcome.Warn).Select(f => f.Rule)];
        return [.. s_advice.Where(a => a.Rules.Any(problems.Contains)).Select(a => a.Key)];
    }
}
