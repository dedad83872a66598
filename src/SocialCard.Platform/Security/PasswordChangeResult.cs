namespace SocialCard.Platform.Security;

/// <summary>A password change's outcome, with the wait before the next attempt when it was held back.</summary>
public sealed record PasswordChangeResult(PasswordChangeStatus Status, TimeSpan RetryAfter)
{
    public bool Succeeded => Status == PasswordChangeStatus.Changed;
}
