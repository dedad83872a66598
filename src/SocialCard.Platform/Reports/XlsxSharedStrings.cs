using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialCard.Platform.Reports;

/// <summary>Shared string table under construction.</summary>
internal sealed class XlsxSharedStrings
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _items = [];
    private int _references;

    public int IndexOf(string text)
    {
        _references++;
        if (!_index.TryGetValue(text, out int i))
        {
            i = _items.Count;
            _items.Add(text);
            _index.Add(text, i);
        }

        return i;
    }

    public SharedStringTable ToTable()
    {
        var table = new SharedStringTable { Count = (uint)_references, UniqueCount = (uint)_items.Count };
        foreach (var item in _items)
        {
            var text = new Text(item);
            if (item.Length > 0 && (char.IsWhiteSpace(item[0]) || char.IsWhiteSpace(item[^1])))
            {
                text.Space = SpaceProcessingModeValues.Preserve;
            }

            table.Append(new SharedStringItem(text));
        }

        return table;
    }
}
