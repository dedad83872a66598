using System.Text.Json.Serialization;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Profiles;

/// <summary>File-level requirements: size window, extensions, naming rule.</summary>
public sealed class FileSpec
{
    /// <summary>Smallest allowed file size in KB (null: no lower bound).</summary>
    public double? MinKB { get; init; }

    /// <summary>Largest allowed file size in KB (null: no upper bound).</summary>
    public double? MaxKB { get; init; }

    /// <summary>Bytes per KB: 1024 (what Windows shows) unless a centre says otherwise.</summary>
    [JsonInclude]
    public int BytesPerKB { get; internal set; } = 1024;

    /// <summary>Accepted extensions, lower-case with the dot.</summary>
    [JsonInclude]
    public IReadOnlyList<string> Extensions { get; internal set; } = [".jpg", ".jpeg"];

    /// <summary>Regular expression the whole file name (with extension) must match; null when names are free.</summary>
    public string? NamePattern { get; init; }

    /// <summary>Human wording of the naming rule, for messages.</summary>
    public LocalizedText? NameHint { get; init; }
}
