namespace SocialCard.Platform.Domain;

/// <summary>A centre staff member's account.</summary>
public sealed class StaffAccount : Account
{
    private StaffAccount()
    {
        DisplayName = string.Empty;
    }

    public StaffAccount(string loginName, string displayName, StaffRole role, string passwordHash) : base(loginName, passwordHash)
    {
        DisplayName = displayName;
        Role = role;
    }

    public string DisplayName { get; private set; }

    public StaffRole Role { get; private set; }

    public void ChangeRole(StaffRole role) => Role = role;
}
