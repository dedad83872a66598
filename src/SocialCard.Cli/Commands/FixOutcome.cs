using SocialCard.Cli.Inputs;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Rules;

namespace SocialCard.Cli.Commands;

/// <summary>One input and its fix (null when the file could not be read or the engine failed on it), plus where the
/// result was written.</summary>
internal sealed class FixOutcome(PhotoInput input, string? number, FixResult? result, bool internalError = false)
{
    public PhotoInput Input { get; } = input;

    public string? Number { get; } = number;

    public FixResult? Result { get; } = result;

    public string? OutputPath { get; set; }

    public bool Fixed => Result?.Success == true;

    /// <summary>The engine threw for this photo (exit code 3); nothing was written for it.</summary>
    public bool InternalError { get; } = internalError;

    /// <summary>Refusal code and reason, or the read error.</summary>
    public (string Code, LocalizedText Reason)? Refusal => InternalError
        ? ("fix.internal", new LocalizedText("内部错误：这张照片未能完成修复，请重试或联系管理员", "Internal error: this photo could not be fixed; try again or report it"))
        : Result is null
        ? ("file.unreadable", new LocalizedText(Input.ReadError ?? "文件无法读取", Input.ReadError ?? "File unreadable"))
        : Result.Refusal is { } r ? (r.Code, r.Reason) : null;
}
