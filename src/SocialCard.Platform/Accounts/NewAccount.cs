namespace SocialCard.Platform.Accounts;

/// <summary>A created account: its login name and the temporary password to show once (stored only as a hash; the
/// holder must replace it at the first sign-in).</summary>
public sealed record NewAccount(string LoginName, string TemporaryPassword);
