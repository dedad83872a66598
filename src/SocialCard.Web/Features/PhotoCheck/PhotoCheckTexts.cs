using SocialCard.Web.Localization;

namespace SocialCard.Web.Features.PhotoCheck;

public sealed class PhotoCheckTexts : IUiTextSource
{
    public IEnumerable<KeyValuePair<string, UiTextEntry>> Entries { get; } = new Dictionary<string, UiTextEntry>
    {
        ["verdict.pass"] = new("合格", "Passed"),
        ["verdict.warn"] = new("合格（有提示）", "Passed with notes"),
        ["verdict.fail"] = new("不合格", "Failed"),
        ["verdict.error"] = new("无法读取", "Unreadable"),
        ["verdict.review"] = new("需人工复核（等待中心工作人员查看）", "Waiting for a look by centre staff"),
        ["verdict.pending"] = new("预审中", "Under review"),
        ["problem.nofix"] = new("自动修正不可用（未加载人脸模型）", "Automatic fix is unavailable (face models not loaded)"),
    };
}
