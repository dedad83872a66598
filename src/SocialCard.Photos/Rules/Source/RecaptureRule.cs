using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Source;

/// <summary>
/// source.recapture (纸质照片翻拍、扫描): no halftone, moire or scan-line periodicity. The sharpest peak of the face's
/// 2-D spectrum over its neighbourhood (<see cref="PeriodicityMeasure"/>) is at most <c>maxPeakRatio</c>.
/// </summary>
public sealed class RecaptureRule : IPhotoRule
{
    public string Id => "source.recapture";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!context.HasPixels)
        {
            return RuleFinding.NoPixels(Id);
        }

        if (!settings.TryGet("maxPeakRatio", out double max))
        {
            return RuleFinding.MissingThreshold(Id, "maxPeakRatio");
        }

        double peak = context.Periodicity;
        string limit = $"<= {RuleFinding.Format(max)}";
        if (peak <= max)
        {
            return RuleFinding.Pass(Id, new LocalizedText("未发现翻拍或扫描痕迹", "No sign of a re-photographed or scanned print."), number: peak, limit: limit);
        }

        return RuleFinding.Violation(Id, settings, new LocalizedText(
            "照片疑似纸质照片翻拍或扫描件（画面有网纹或摩尔纹）：请直接用相机拍摄本人，不要翻拍或扫描纸质照片",
            "The photo looks like a re-photographed or scanned print (halftone or moire pattern): take a new photo of the person with a camera instead of copying a print."),
            number: peak, limit: limit);
    }
}
