namespace SocialCard.Platform.Registry;

public enum RegistryFileFormat
{
    Csv = 0,
    Xlsx = 1,
}
