using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SocialCard.Photos.Profiles;

/// <summary>
/// The profiles shipped with the product (embedded JSON) and loading of a centre's own profile file. A profile may
/// name a <c>basedOn</c> profile: its JSON is deep-merged onto the base (objects merge key by key, everything else is
/// replaced), so a regional profile states only what differs from the national one.
/// </summary>
public static class SpecProfiles
{
    private const string ResourcePrefix = "SocialCard.Photos.Profiles.";


    private static readonly Lazy<FrozenDictionary<string, SpecProfile>> s_embedded = new(LoadEmbedded);

    /// <summary>Every embedded profile, ordered by id.</summary>
    public static IReadOnlyList<SpecProfile> All => [.. s_embedded.Value.Values.OrderBy(p => p.Id, StringComparer.Ordinal)];

    /// <summary>Ids of the embedded profiles.</summary>
    public static IReadOnlyList<string> Ids => [.. s_embedded.Value.Keys.Order(StringComparer.Ordinal)];

    public const string Suzhou = "suzhou-sscard";
    public const string Chengdu = "chengdu-sscard";
    public const string National = "national-sscard";
    public const string Ga461 = "ga461-idcard";

    /// <summary>An embedded profile by id (case-insensitive).</summary>
    /// <exception cref="SpecProfileException">No such profile.</exception>
    public static SpecProfile Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (s_embedded.Value.TryGetValue(id.Trim().ToLowerInvariant(), out SpecProfile? profile))
        {
            return profile;
        }

        throw new SpecProfileException(
            $"没有名为“{id}”的照片规范；可用：{string.Join(", ", Ids)} / No photo profile '{id}'; available: {string.Join(", ", Ids)}.");
    }

    public static bool TryGet(string id, out SpecProfile? profile) =>
        s_embedded.Value.TryGetValue((id ?? string.Empty).Trim().ToLowerInvariant(), out profile);

    /// <summary>
    /// Loads a profile from a JSON file. Its <c>basedOn</c> is looked up first next to the file, then among the
    /// embedded profiles.
    /// </summary>
    public static SpecProfile LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpecProfileException($"无法读取照片规范文件 {path} / Cannot read profile file {path}: {ex.Message}", ex);
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        return Parse(json, path, baseId => ResolveBase(baseId, directory));
    }

    /// <summary>Parses profile JSON; <c>basedOn</c> resolves against the embedded profiles.</summary>
    public static SpecProfile Parse(string json, string sourceName = "(json)") => Parse(json, sourceName, baseId => ResolveBase(baseId, null));

    private static SpecProfile Parse(string json, string sourceName, Func<string, JsonObject> resolveBase)
    {
        JsonObject merged = Resolve(ParseObject(json, sourceName), resolveBase, depth: 0);
        return Materialise(merged, sourceName);
    }

    private static JsonObject Resolve(JsonObject node, Func<string, JsonObject> resolveBase, int depth)
    {
        if (depth > 8)
        {
            throw new SpecProfileException("照片规范的 basedOn 链过长或循环 / Profile basedOn chain too deep or circular.");
        }

        if (node["basedOn"] is JsonValue baseValue && baseValue.TryGetValue(out string? baseId) && !string.IsNullOrWhiteSpace(baseId))
        {
            JsonObject baseNode = Resolve(resolveBase(baseId), resolveBase, depth + 1);
            baseNode.Remove("id");
            baseNode.Remove("name");
            DeepMerge(baseNode, node);
            baseNode["basedOn"] = baseId;
            return baseNode;
        }

        return node;
    }

    /// <summary>Copies <paramref name="overlay"/> onto <paramref name="target"/>: objects merge, other values replace.</summary>
    private static void DeepMerge(JsonObject target, JsonObject overlay)
    {
        foreach (KeyValuePair<string, JsonNode?> pair in overlay.ToList())
        {
            if (pair.Value is JsonObject overlayObject && target[pair.Key] is JsonObject targetObject)
            {
                DeepMerge(targetObject, overlayObject);
            }
            else
            {
                target[pair.Key] = pair.Value?.DeepClone();
            }
        }
    }

    private static JsonObject ResolveBase(string baseId, string? directory)
    {
        if (directory is not null)
        {
            string candidate = Path.Combine(directory, baseId + ".json");
            if (File.Exists(candidate))
            {
                return ParseObject(File.ReadAllText(candidate), candidate);
            }
        }

        string resource = ResourcePrefix + baseId.Trim().ToLowerInvariant() + ".json";
        string? text = ReadResource(resource);
        return text is null
            ? throw new SpecProfileException($"找不到基础规范“{baseId}” / Base profile '{baseId}' not found.")
            : ParseObject(text, resource);
    }

    private static JsonObject ParseObject(string json, string sourceName)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new SpecProfileException($"照片规范 {sourceName} 不是 JSON 对象 / Profile {sourceName} is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new SpecProfileException($"照片规范 {sourceName} 不是有效的 JSON / Profile {sourceName} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static SpecProfile Materialise(JsonObject node, string sourceName)
    {
        SpecProfile? profile;
        try
        {
            profile = node.Deserialize(SpecProfileJsonContext.Default.SpecProfile);
        }
        catch (JsonException ex)
        {
            throw new SpecProfileException($"照片规范 {sourceName} 字段有误 / Profile {sourceName} has invalid fields: {ex.Message}", ex);
        }

        if (profile is null || string.IsNullOrWhiteSpace(profile.Id))
        {
            throw new SpecProfileException($"照片规范 {sourceName} 缺少 id / Profile {sourceName} has no id.");
        }

        if (profile.Image.Width <= 0 || profile.Image.Height <= 0)
        {
            throw new SpecProfileException($"照片规范 {profile.Id} 的像素尺寸无效 / Profile {profile.Id} has an invalid pixel size.");
        }

        if (profile.File.NamePattern is { } pattern)
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw new SpecProfileException($"照片规范 {profile.Id} 的文件名规则不是有效的正则表达式 / Profile {profile.Id} has an invalid name pattern: {ex.Message}", ex);
            }
        }

        return profile;
    }

    private static FrozenDictionary<string, SpecProfile> LoadEmbedded()
    {
        var profiles = new Dictionary<string, SpecProfile>(StringComparer.Ordinal);
        foreach (string resource in typeof(SpecProfiles).Assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            SpecProfile profile = Parse(ReadResource(resource)!, resource);
            profiles[profile.Id.ToLowerInvariant()] = profile;
        }

        return profiles.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string? ReadResource(string name)
    {
        using Stream? stream = typeof(SpecProfiles).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
