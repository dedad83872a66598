using System.Text;
using System.Text.Json;

namespace SocialCard.Faces.Models.SelfieSegmentation;

/// <summary>One node of a tfjs graph model (<c>modelTopology.node[]</c>): name, op, inputs and the attributes we read.</summary>
internal sealed class GraphNode
{
    private readonly JsonElement _attr;

    public GraphNode(JsonElement node)
    {
        Name = node.GetProperty("name").GetString() ?? "";
        Op = node.GetProperty("op").GetString() ?? "";
        Inputs = node.TryGetProperty("input", out JsonElement inputs)
            ? inputs.EnumerateArray().Select(e => StripPort(e.GetString() ?? "")).Where(n => !n.StartsWith('^')).ToArray()
            : [];
        _attr = node.TryGetProperty("attr", out JsonElement attr) ? attr.Clone() : default;
    }

    public string Name { get; }

    public string Op { get; }

    public IReadOnlyList<string> Inputs { get; }

    /// <summary>An int list attribute (<c>strides</c>, <c>ksize</c>), NHWC; null when absent.</summary>
    public int[]? Ints(string name) =>
        Attribute(name) is { } a && a.TryGetProperty("list", out JsonElement list) && list.TryGetProperty("i", out JsonElement i)
            ? i.EnumerateArray().Select(v => int.Parse(v.GetString() ?? "0", System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : null;

    /// <summary>A string attribute (<c>padding</c>: base64 in the JSON).</summary>
    public string? Text(string name) =>
        Attribute(name) is { } a && a.TryGetProperty("s", out JsonElement s) ? Encoding.ASCII.GetString(Convert.FromBase64String(s.GetString() ?? "")) : null;

    public bool Flag(string name) => Attribute(name) is { } a && a.TryGetProperty("b", out JsonElement b) && b.GetBoolean();

    private JsonElement? Attribute(string name) =>
        _attr.ValueKind == JsonValueKind.Object && _attr.TryGetProperty(name, out JsonElement a) ? a : null;

    private static string StripPort(string input)
    {
        int colon = input.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? input : input[..colon];
    }
}
