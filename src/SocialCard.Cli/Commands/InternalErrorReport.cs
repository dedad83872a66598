using SocialCard.Photos;

namespace SocialCard.Cli.Commands;

/// <summary>The report of a photo the engine failed on (an exception, not a verdict): an error row, nothing fabricated.</summary>
internal static class InternalErrorReport
{
    internal const string RuleId = "check.internal";

    internal static PhotoReport Create(string file) =>
        UnreadableReport.Create(
            file,
            "内部错误：这张照片未能完成预审，请重试或联系管理员 / Internal error: this photo could not be checked; try again or report it",
            RuleId);
}
