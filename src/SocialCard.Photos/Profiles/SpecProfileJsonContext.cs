using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialCard.Photos.Profiles;

/// <summary>
/// Reads profile JSON without reflection, so the command line can be compiled ahead of time (Native AOT). The generated
/// reader sets every init-only property, to its type's default when the JSON leaves it out; the profile properties
/// that have a default of their own therefore have an internal setter marked <see cref="JsonIncludeAttribute"/>.
/// Enum values are read by name, case-insensitively ("fail", "warn").
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SpecProfile))]
internal sealed partial class SpecProfileJsonContext : JsonSerializerContext;
