namespace SocialCard.Platform.Domain;

/// <summary>A row whose images live in the encrypted file store (<see cref="Files.IFileStore"/>): the row keeps only
/// their keys (<see cref="Files.RecordFileKeys"/>: by record id, never by personal data).</summary>
public interface IFileBacked
{
    long Id { get; }

    /// <summary>The store folder of the row's table ("photos", "applications", "batch-entries").</summary>
    string FileFolder { get; }

    StagedFiles Staged { get; }

    /// <summary>Every key the row holds now.</summary>
    IEnumerable<string> FileKeys { get; }

    string? GetFileKey(string slot);

    void SetFileKey(string slot, string? key);
}
