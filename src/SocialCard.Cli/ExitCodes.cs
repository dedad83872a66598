namespace SocialCard.Cli;

/// <summary>
/// The process exit codes every command shares: 0 every photo passed (or was fixed or packed), 1 some photo warned,
/// failed, was refused or could not be read, 2 usage or I/O error (nothing was checked), 3 internal error (the engine
/// failed on some photo; every other photo is still reported).
/// </summary>
internal static class ExitCodes
{
    internal const int AllPassed = 0;
    internal const int SomeFailed = 1;
    internal const int UsageOrIoError = 2;
    internal const int InternalError = 3;

    /// <summary>The contract as printed under <c>--help</c>.</summary>
    internal const string Help =
        "退出码 / Exit codes: 0 全部合格 / all pass; 1 有照片需注意、不合格、被拒绝或无法读取 / some warn, fail, refused or unreadable; " +
        "2 用法或读写错误 / usage or I/O error; 3 内部错误（其余照片照常报告）/ internal error (every other photo still reported)";
}
