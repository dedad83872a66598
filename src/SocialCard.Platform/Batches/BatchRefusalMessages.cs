using System.Globalization;

namespace SocialCard.Platform.Batches;

/// <summary>The zh-CN and English wording of every <see cref="BatchRefusalCode"/>, and its stable code.</summary>
internal static class BatchRefusalMessages
{
    public const string FileNameRuleZh = "文件名应为10位个人编号.jpg";
    public const string FileNameRuleEn = "the file name must be the 10-digit personal number followed by .jpg";

    public static string StableCode(BatchRefusalCode code) => code switch
    {
        BatchRefusalCode.NotAZip => "batch.not_a_zip",
        BatchRefusalCode.PackageTooLarge => "batch.package_too_large",
        BatchRefusalCode.TooManyEntries => "batch.too_many_entries",
        BatchRefusalCode.TooManyPhotos => "batch.too_many_photos",
        BatchRefusalCode.TotalSizeExceeded => "batch.total_size_exceeded",
        BatchRefusalCode.PathTraversal => "batch.path_traversal",
        BatchRefusalCode.AbsolutePath => "batch.absolute_path",
        BatchRefusalCode.SymbolicLink => "batch.symbolic_link",
        BatchRefusalCode.CompressionRatioExceeded => "batch.compression_ratio",
        BatchRefusalCode.HeaderMismatch => "batch.header_mismatch",
        BatchRefusalCode.DuplicateName => "batch.duplicate_name",
        BatchRefusalCode.WrongFolder => "batch.wrong_folder",
        BatchRefusalCode.EmptyPackage => "batch.empty_package",
        BatchRefusalCode.CorruptArchive => "batch.corrupt_archive",
        BatchRefusalCode.NestedArchive => "batch.entry.nested_archive",
        BatchRefusalCode.OutsideUnitFolder => "batch.entry.outside_unit_folder",
        BatchRefusalCode.EntryTooLarge => "batch.entry.too_large",
        BatchRefusalCode.Encrypted => "batch.entry.encrypted",
        BatchRefusalCode.BadFileName => "batch.entry.bad_file_name",
        BatchRefusalCode.DuplicatePersonalNumber => "batch.entry.duplicate_personal_number",
        BatchRefusalCode.IdenticalPhoto => "batch.entry.identical_photo",
        BatchRefusalCode.EmptyFile => "batch.entry.empty_file",
        BatchRefusalCode.TooManyPixels => "batch.entry.too_many_pixels",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    public static BatchRefusal NotAZip(string detail) => Package(
        BatchRefusalCode.NotAZip, null,
        "上传的文件不是有效的zip压缩包，请将单位代码文件夹压缩成zip格式后上传",
        $"the upload is not a readable zip archive ({detail}); compress the unit-code folder as a .zip and upload again");

    public static BatchRefusal PackageTooLarge(long limit) => Package(
        BatchRefusalCode.PackageTooLarge, null,
        $"压缩包超过大小上限（{Mb(limit)}）",
        $"the zip file is larger than the limit of {Mb(limit)}");

    public static BatchRefusal TooManyEntries(long count, int limit) => Package(
        BatchRefusalCode.TooManyEntries, null,
        $"压缩包内条目过多（{count}个，上限{limit}个）",
        $"the zip holds too many entries ({count}, limit {limit})");

    public static BatchRefusal TooManyPhotos(int count, int limit) => Package(
        BatchRefusalCode.TooManyPhotos, null,
        $"一次上传不超过{limit}张照片，本压缩包有{count}个文件，请分包上传",
        $"at most {limit} photos per upload; this package holds {count} files, split it into several packages");

    public static BatchRefusal TotalSizeExceeded(long bytes, long limit) => Package(
        BatchRefusalCode.TotalSizeExceeded, null,
        $"压缩包内文件解压后总大小{Mb(bytes)}超过上限{Mb(limit)}",
        $"the files unpack to {Mb(bytes)}, more than the limit of {Mb(limit)}");

    public static BatchRefusal PathTraversal(string entry) => Package(
        BatchRefusalCode.PathTraversal, entry,
        $"压缩包内文件路径含有“..”，存在安全风险，整个压缩包不予接收：{entry}",
        $"an entry path contains '..' (path traversal); the whole package is refused: {entry}");

    public static BatchRefusal AbsolutePath(string entry) => Package(
        BatchRefusalCode.AbsolutePath, entry,
        $"压缩包内文件使用了绝对路径，整个压缩包不予接收：{entry}",
        $"an entry uses an absolute path; the whole package is refused: {entry}");

    public static BatchRefusal SymbolicLink(string entry) => Package(
        BatchRefusalCode.SymbolicLink, entry,
        $"压缩包内含有符号链接，整个压缩包不予接收：{entry}",
        $"the package contains a symbolic link; the whole package is refused: {entry}");

    public static BatchRefusal CompressionRatio(string? entry, double ratio, double limit) => Package(
        BatchRefusalCode.CompressionRatioExceeded, entry,
        $"压缩比异常（{Ratio(ratio)}:1，上限{Ratio(limit)}:1），疑似压缩炸弹，整个压缩包不予接收{Suffix(entry, '：')}",
        $"compression ratio {Ratio(ratio)}:1 exceeds {Ratio(limit)}:1 (possible zip bomb); the whole package is refused{Suffix(entry, ':')}");

    public static BatchRefusal HeaderMismatch(string entry) => Package(
        BatchRefusalCode.HeaderMismatch, entry,
        $"压缩包内文件的实际数据与记录的大小或校验值不符（压缩包损坏或被篡改），整个压缩包不予接收：{entry}",
        $"an entry's data does not match its recorded size or CRC-32 (damaged or tampered archive); the whole package is refused: {entry}");

    public static BatchRefusal DuplicateName(string entry) => Package(
        BatchRefusalCode.DuplicateName, entry,
        $"压缩包内有重名文件（不区分大小写），整个压缩包不予接收：{entry}",
        $"the package holds two entries with the same name (case-insensitive); the whole package is refused: {entry}");

    public static BatchRefusal WrongFolder(string unitCode, IReadOnlyCollection<string> foldersFound)
    {
        var found = foldersFound.Count == 0 ? "（无文件夹）" : string.Join("、", foldersFound);
        var foundEn = foldersFound.Count == 0 ? "(no folder)" : string.Join(", ", foldersFound);
        return Package(
            BatchRefusalCode.WrongFolder, null,
            $"照片应放在以单位代码命名的文件夹“{unitCode}”内，压缩包中找到的是：{found}",
            $"photos must sit in a folder named after the unit code '{unitCode}'; the package holds: {foundEn}");
    }

    public static BatchRefusal EmptyPackage() => Package(
        BatchRefusalCode.EmptyPackage, null,
        "压缩包内没有照片文件",
        "the package holds no photo files");

    public static BatchRefusal CorruptArchive(string entry, string detail) => Package(
        BatchRefusalCode.CorruptArchive, entry,
        $"压缩包已损坏，无法解压：{entry}",
        $"the archive is damaged and cannot be decompressed ({detail}): {entry}");

    public static BatchRefusal NestedArchive(string entry) => Entry(
        BatchRefusalCode.NestedArchive, entry,
        "压缩包内不能再含有压缩包，请直接放入jpg照片",
        "archives inside the package are not accepted; put the .jpg photos in directly");

    public static BatchRefusal OutsideUnitFolder(string entry, string unitCode) => Entry(
        BatchRefusalCode.OutsideUnitFolder, entry,
        $"照片应直接放在单位代码文件夹“{unitCode}”内",
        $"photos must sit directly inside the unit-code folder '{unitCode}'");

    public static BatchRefusal EntryTooLarge(string entry, long bytes, long limit) => Entry(
        BatchRefusalCode.EntryTooLarge, entry,
        $"文件过大（{Kb(bytes)}，上限{Kb(limit)}）",
        $"the file is too large ({Kb(bytes)}, limit {Kb(limit)})");

    public static BatchRefusal TooManyPixels(string entry, int width, int height, long limit) => Entry(
        BatchRefusalCode.TooManyPixels, entry,
        $"照片像素过多（{Security.HeaderPixels.Describe(width, height)}，上限{limit / 1_000_000} MP），请缩小后重新上传",
        $"the photo has too many pixels ({Security.HeaderPixels.Describe(width, height)}, limit {limit / 1_000_000} MP); scale it down and upload it again");

    public static BatchRefusal Encrypted(string entry) => Entry(
        BatchRefusalCode.Encrypted, entry,
        "文件已加密（设置了密码），无法读取，请不要对压缩包设置密码",
        "the file is encrypted (password protected) and cannot be read; do not set a password on the package");

    public static BatchRefusal BadFileName(string entry) => Entry(
        BatchRefusalCode.BadFileName, entry,
        FileNameRuleZh,
        FileNameRuleEn);

    public static BatchRefusal DuplicatePersonalNumber(string entry, string personalNumber) => Entry(
        BatchRefusalCode.DuplicatePersonalNumber, entry,
        $"同一个人编号{personalNumber}有多张照片，请只保留一张",
        $"more than one photo for personal number {personalNumber}; keep only one");

    public static BatchRefusal IdenticalPhoto(string entry, IEnumerable<string> sameAs)
    {
        var others = string.Join(", ", sameAs);
        return Entry(
            BatchRefusalCode.IdenticalPhoto, entry,
            $"与 {others} 是同一张照片（文件完全相同）：每人须提交本人照片",
            $"the same photo as {others} (identical file): each person needs their own photo");
    }

    public static BatchRefusal EmptyFile(string entry) => Entry(
        BatchRefusalCode.EmptyFile, entry,
        "文件为空",
        "the file is empty");

    public static BatchIntakeNote IgnoredOsFile(string entry) => new(
        entry,
        "已忽略操作系统生成的文件",
        "ignored a file the operating system created");

    private static BatchRefusal Package(BatchRefusalCode code, string? entry, string zh, string en) =>
        new(code, BatchRefusalScope.Package, entry, zh, en);

    private static BatchRefusal Entry(BatchRefusalCode code, string entry, string zh, string en) =>
        new(code, BatchRefusalScope.Entry, entry, zh, en);

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";

    private static string Ratio(double ratio) => ratio.ToString("0", CultureInfo.InvariantCulture);

    private static string Suffix(string? entry, char colon) => entry is null ? string.Empty : colon + entry;
}
