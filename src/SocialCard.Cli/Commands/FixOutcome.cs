using SocialCard.Cli.Inputs;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Rules;

namespace SocialCard.Cli.Commands;

/// <summary>One input and its fix (null when the file could not be read), plus where the result was written.</summary>
internal sealed class FixOutcome(PhotoInput input, string? number, FixResult? result)
{
    public PhotoInput Input { get; } = input;

    public string? Number { get; } = number;

    public FixResult? Result { get; } = result;

    public string? OutputPath { get; set; }

    public bool Fixed => Result?.Success == true;

    /// <summary>Refusal code and reason, or the read error.</summary>
    public (string Code, LocalizedText Reason)? Refusal => Result is null
        ? ("file.unreadable", new LocalizedText(Input.ReadError ?? "文件无法读取", Input.ReadError ?? "File unreadable"))
        : Result.Refusal is { } r ? (r.Code, r.Reason) : null;
}
