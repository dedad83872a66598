namespace SocialCard.Platform.Jobs;

/// <summary>The SMS provider. The host binds the real one; returns false for a permanent refusal (bad number).</summary>
public interface ISmsGateway
{
    Task<bool> SendAsync(string phone, string body, CancellationToken cancellationToken);
}
