using System.Globalization;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.CrashWorker;

/// <summary>--name value pairs.</summary>
internal sealed class WorkerArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public WorkerArgs(string[] args)
    {
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            _values[args[i].TrimStart('-')] = args[i + 1];
        }
    }

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public StorageOptions Storage() => new()
    {
        Provider = Enum.Parse<StorageProvider>(Get("provider", "Sqlite")),
        ConnectionString = Get("conn", string.Empty),
        DataDirectory = Get("data", "data"),
        EncryptionKey = Get("key", string.Empty),
    };
}
