using System.Text;

namespace SocialCard.Cli.Commands;

/// <summary>
/// <c>--name-from map.csv</c>: which personal number each source photo gets. Two columns, source file and number
/// (comma, semicolon or tab separated, optional header, UTF-8 or GBK); the source is matched by file name, with or
/// without its extension, case-insensitively.
/// </summary>
internal sealed class FixNameMap
{
    private readonly Dictionary<string, string> _numbers;

    private FixNameMap(Dictionary<string, string> numbers) => _numbers = numbers;

    internal int Count => _numbers.Count;

    /// <returns>An error message (zh / en), or null on success.</returns>
    internal static string? TryLoad(string path, out FixNameMap? map)
    {
        map = null;
        string text;
        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            text = Decode(bytes);
        }
        catch (IOException ex)
        {
            return $"编号对照表无法读取：{ex.Message} / The name map could not be read: {ex.Message}";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"编号对照表无法读取：{ex.Message} / The name map could not be read: {ex.Message}";
        }

        var numbers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int lineNo = 0;
        foreach (string raw in text.Split('\n'))
        {
            lineNo++;
            string line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] cells = line.Split([',', ';', '\t'], 3);
            if (cells.Length < 2)
            {
                return $"编号对照表第 {lineNo} 行应有两列（文件,编号） / Name map line {lineNo} needs two columns (file,number)";
            }

            string file = cells[0].Trim().Trim('"'), number = cells[1].Trim().Trim('"');
            if (lineNo == 1 && !number.Any(char.IsAsciiDigit))
            {
                continue; // header
            }

            numbers[file] = number;
            numbers.TryAdd(Path.GetFileNameWithoutExtension(file), number);
        }

        map = new FixNameMap(numbers);
        return null;
    }

    /// <summary>The number for a source file name, or null.</summary>
    internal string? NumberFor(string fileName) =>
        _numbers.TryGetValue(fileName, out string? n) || _numbers.TryGetValue(Path.GetFileNameWithoutExtension(fileName), out n) ? n : null;

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(936).GetString(bytes);
        }
    }
}
