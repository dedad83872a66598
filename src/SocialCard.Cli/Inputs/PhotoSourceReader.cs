using System.IO.Compression;
using System.Text;

namespace SocialCard.Cli.Inputs;

/// <summary>
/// Expands the paths a user gives into photos: files, folders (recursively, in name order) and zip files, whose entries
/// are read in memory and never extracted to disk. Zip entry names are UTF-8 when the entry says so, else GBK (the
/// encoding Windows' built-in zip writes on Chinese systems).
/// </summary>
internal static class PhotoSourceReader
{
    /// <summary>Largest single file or zip entry read (a photo is tens of KB; this only stops runaway input).</summary>
    internal const long MaxEntryBytes = 64L * 1024 * 1024;

    private static readonly HashSet<string> PhotoExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".jpe", ".png", ".bmp", ".heic", ".heif",
    };

    static PhotoSourceReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Throws <see cref="FileNotFoundException"/> for a path that does not exist.</summary>
    internal static IEnumerable<PhotoInput> Read(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (PhotoInput input in ReadFolder(path))
                {
                    yield return input;
                }
            }
            else if (File.Exists(path))
            {
                if (IsZip(path))
                {
                    foreach (PhotoInput input in ReadZip(path))
                    {
                        yield return input;
                    }
                }
                else
                {
                    yield return ReadFile(path);
                }
            }
            else
            {
                throw new FileNotFoundException($"找不到文件或文件夹：{path} / No such file or folder: {path}", path);
            }
        }
    }

    /// <summary>Checks existence up front so a usage error is reported before any work starts.</summary>
    internal static string? FindMissing(IEnumerable<string> paths) =>
        paths.FirstOrDefault(p => !Directory.Exists(p) && !File.Exists(p));

    private static IEnumerable<PhotoInput> ReadFolder(string folder)
    {
        IEnumerable<string> files = Directory
            .EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Where(f => PhotoExtensions.Contains(Path.GetExtension(f)) || IsZip(f))
            .Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            if (IsZip(file))
            {
                foreach (PhotoInput input in ReadZip(file))
                {
                    yield return input;
                }
            }
            else
            {
                yield return ReadFile(file);
            }
        }
    }

    private static PhotoInput ReadFile(string path)
    {
        string name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxEntryBytes)
            {
                return new PhotoInput(path, name, null, TooLarge(info.Length));
            }

            return new PhotoInput(path, name, File.ReadAllBytes(path), null);
        }
        catch (IOException ex)
        {
            return new PhotoInput(path, name, null, $"文件无法读取 / File unreadable: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return new PhotoInput(path, name, null, $"没有读取权限 / Access denied: {ex.Message}");
        }
    }

    private static List<PhotoInput> ReadZip(string path)
    {
        var results = new List<PhotoInput>();
        try
        {
            using FileStream stream = File.OpenRead(path);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: Encoding.GetEncoding(936));
            foreach (ZipArchiveEntry entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (entry.FullName.EndsWith('/') || IsOsJunk(entry.FullName) || !PhotoExtensions.Contains(Path.GetExtension(entry.Name)))
                {
                    continue;
                }

                results.Add(ReadEntry(path, entry));
            }
        }
        catch (InvalidDataException ex)
        {
            results.Add(new PhotoInput(path, Path.GetFileName(path), null, $"zip 文件已损坏，无法打开 / The zip file is damaged: {ex.Message}"));
        }
        catch (IOException ex)
        {
            results.Add(new PhotoInput(path, Path.GetFileName(path), null, $"zip 文件无法读取 / The zip file is unreadable: {ex.Message}"));
        }

        return results;
    }

    private static PhotoInput ReadEntry(string zipPath, ZipArchiveEntry entry)
    {
        string display = zipPath + "!" + entry.FullName;
        if (entry.Length > MaxEntryBytes)
        {
            return new PhotoInput(display, entry.Name, null, TooLarge(entry.Length));
        }

        try
        {
            using Stream content = entry.Open();
            using var buffer = new MemoryStream((int)Math.Max(0, entry.Length));
            byte[] chunk = new byte[81920];
            int read;
            while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxEntryBytes)
                {
                    return new PhotoInput(display, entry.Name, null, TooLarge(buffer.Length + read));
                }

                buffer.Write(chunk, 0, read);
            }

            return new PhotoInput(display, entry.Name, buffer.ToArray(), null);
        }
        catch (InvalidDataException ex)
        {
            return new PhotoInput(display, entry.Name, null, $"zip 条目已损坏 / The zip entry is damaged: {ex.Message}");
        }
    }

    private static bool IsZip(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[4];
            return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PK\x03\x04"u8);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsOsJunk(string name) =>
        name.StartsWith("__MACOSX/", StringComparison.Ordinal) || name.Contains("/.", StringComparison.Ordinal) || name.StartsWith('.') ||
        name.EndsWith("Thumbs.db", StringComparison.OrdinalIgnoreCase);

    private static string TooLarge(long bytes) =>
        $"文件过大（{bytes / 1024 / 1024} MB），不像是证件照 / File too large ({bytes / 1024 / 1024} MB) for an ID photo.";
}
