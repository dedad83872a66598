using System.Collections.Frozen;

namespace SocialCard.Web.Localization;

/// <summary>All registered string tables merged once (singleton). Duplicate keys fail start-up loudly.</summary>
public sealed class UiTextTable
{
    private readonly FrozenDictionary<string, UiTextEntry> _entries;

    public UiTextTable(IEnumerable<IUiTextSource> sources)
    {
        var all = new Dictionary<string, UiTextEntry>(StringComparer.Ordinal);
        foreach (IUiTextSource source in sources)
        {
            foreach (KeyValuePair<string, UiTextEntry> pair in source.Entries)
            {
                if (!all.TryAdd(pair.Key, pair.Value))
                {
                    throw new InvalidOperationException($"UI text key '{pair.Key}' is defined twice ({source.GetType().Name}).");
                }
            }
        }

        _entries = all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => _entries.Count;

    public bool TryGet(string key, out UiTextEntry entry) => _entries.TryGetValue(key, out entry);

    public IEnumerable<string> Keys => _entries.Keys;
}
