namespace SocialCard.Cli;

internal static class ExitCodes
{
    internal const int AllPassed = 0;
    internal const int SomeFailed = 1;
    internal const int UsageOrIoError = 2;
}
