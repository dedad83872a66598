using SocialCard.Platform.Batches;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Bulk;

/// <summary>
/// Names photos by personal number: a file already named by the 10-digit number keeps it; with a staff list, a file
/// named by an ID number or by a name is renamed to that person's number. A name that matches nobody, matches two
/// people, or gives a number a second photo already has is a mismatch with its reason; staff without a photo are
/// listed too.
/// </summary>
public static class BulkNaming
{
    public static IReadOnlyList<BulkPhotoName> Resolve(IReadOnlyList<string> fileNames, StaffList? staff, out IReadOnlyList<StaffMember> withoutPhoto)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        IReadOnlyList<StaffMember> members = staff?.Members ?? [];
        var byId = members.Where(m => m.IdNumber.Length > 0).GroupBy(m => m.IdNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byName = members.Where(m => m.Name.Length > 0).GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var names = new BulkPhotoName[fileNames.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < fileNames.Count; i++)
        {
            BulkPhotoName name = ResolveOne(Path.GetFileNameWithoutExtension(fileNames[i]).Trim(), staff is not null, byId, byName);
            if (name.PersonalNumber is { } number && name.ProblemZh is null && !taken.Add(number))
            {
                name = name with
                {
                    ProblemZh = $"个人编号 {number} 已有另一张照片，本张未使用。",
                    ProblemEn = $"Another photo already has personal number {number}; this one is not used.",
                };
            }

            names[i] = name;
        }

        withoutPhoto = [.. members.Where(m => !taken.Contains(m.PersonalNumber))];
        return names;
    }

    private static BulkPhotoName ResolveOne(string stem, bool haveList, Dictionary<string, List<StaffMember>> byId, Dictionary<string, List<StaffMember>> byName)
    {
        if (PhotoFileName.IsPersonalNumber(stem))
        {
            return new BulkPhotoName(stem, BulkNameSource.PersonalNumber, null, null);
        }

        if (!haveList)
        {
            return new BulkPhotoName(null, BulkNameSource.None,
                "文件名不是10位个人编号：请按个人编号命名，或上传员工名单（姓名、身份证号码、个人编号）自动改名。",
                "The file name is not a 10-digit personal number: name it by the personal number, or add a staff list (name, ID number, personal number) to rename it.");
        }

        string id = stem.ToUpperInvariant();
        if (byId.TryGetValue(id, out List<StaffMember>? withId))
        {
            return withId.Count == 1
                ? new BulkPhotoName(withId[0].PersonalNumber, BulkNameSource.IdNumber, null, null)
                : new BulkPhotoName(null, BulkNameSource.None, $"员工名单中有 {withId.Count} 行身份证号码相同（{PersonalDataMask.IdNumber(id)}），请先改正名单。",
                    $"{withId.Count} rows of the staff list share one ID number ({PersonalDataMask.IdNumber(id)}); correct the list first.");
        }

        if (byName.TryGetValue(stem, out List<StaffMember>? withName))
        {
            return withName.Count == 1
                ? new BulkPhotoName(withName[0].PersonalNumber, BulkNameSource.Name, null, null)
                : new BulkPhotoName(null, BulkNameSource.None, $"员工名单中有 {withName.Count} 位同名员工，请用身份证号码或个人编号命名这张照片。",
                    $"{withName.Count} people on the staff list have this name; name the photo by ID number or personal number.");
        }

        return LooksLikeIdNumber(id)
            ? new BulkPhotoName(null, BulkNameSource.None, $"员工名单中没有身份证号码为 {PersonalDataMask.IdNumber(id)} 的员工。",
                $"No one on the staff list has ID number {PersonalDataMask.IdNumber(id)}.")
            : new BulkPhotoName(null, BulkNameSource.None, "员工名单中没有与文件名相同的姓名、身份证号码或个人编号。",
                "No name, ID number or personal number on the staff list matches the file name.");
    }

    /// <summary>A file name as lists show it: an ID number or a person's name in it masked, a personal number kept.</summary>
    public static string MaskFileName(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName), extension = Path.GetExtension(fileName);
        if (PhotoFileName.IsPersonalNumber(stem))
        {
            return fileName;
        }

        return (LooksLikeIdNumber(stem.ToUpperInvariant()) ? PersonalDataMask.IdNumber(stem) : PersonalDataMask.Name(stem)) + extension;
    }

    private static bool LooksLikeIdNumber(string value) =>
        value.Length is 15 or 18 && value.AsSpan(0, value.Length - 1).IndexOfAnyExceptInRange('0', '9') < 0;
}
