namespace SocialCard.Platform.Storage;

/// <summary>
/// Owner-only modes for the embedded database: the data directory 0700 when created, the database file created 0600
/// before SQLite opens it (SQLite gives its -wal and -shm files the database file's mode), and an existing database
/// from earlier versions narrowed to 0600.
/// </summary>
internal static class DataFiles
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void PrepareSqlite(string dataDirectory, string databaseFile)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
            return;
        }

        if (!Directory.Exists(dataDirectory))
        {
            Directory.CreateDirectory(dataDirectory, OwnerFile | UnixFileMode.UserExecute);
        }

        if (!File.Exists(databaseFile))
        {
            try
            {
                using var created = new FileStream(databaseFile, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = OwnerFile,
                });
            }
            catch (IOException) when (File.Exists(databaseFile))
            {
                // Another process created it first.
            }
        }

        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            if (File.Exists(file) && (File.GetUnixFileMode(file) & ~OwnerFile) != 0)
            {
                File.SetUnixFileMode(file, OwnerFile);
            }
        }
    }
}
