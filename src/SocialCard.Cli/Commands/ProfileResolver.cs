using SocialCard.Photos.Profiles;

namespace SocialCard.Cli.Commands;

/// <summary>Turns <c>--profile</c> into a profile: an embedded id, or a path to a JSON profile file.</summary>
internal static class ProfileResolver
{
    /// <returns>An error message (zh / en), or null on success.</returns>
    internal static string? Resolve(string idOrPath, out SpecProfile? profile)
    {
        profile = null;
        try
        {
            profile = File.Exists(idOrPath) ? SpecProfiles.LoadFile(idOrPath) : SpecProfiles.Get(idOrPath);
            return null;
        }
        catch (SpecProfileException ex)
        {
            return ex.Message;
        }
        catch (IOException ex)
        {
            return $"照片规范文件无法读取：{ex.Message} / The profile file could not be read: {ex.Message}";
        }
    }
}
