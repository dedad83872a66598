namespace SocialCard.Platform.Files;

public enum FileStoreProvider
{
    Local,
    S3,
}
