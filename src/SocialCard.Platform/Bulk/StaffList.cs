using SocialCard.Platform.Batches;
using SocialCard.Platform.Registry;

namespace SocialCard.Platform.Bulk;

/// <summary>
/// A unit's staff list (.xlsx or UTF-8 .csv with a header row: 姓名, 身份证号码, 个人编号), used to name photos by
/// personal number. Rows without a valid personal number are listed as errors and left out.
/// </summary>
public sealed class StaffList
{
    private StaffList(IReadOnlyList<StaffMember> members, IReadOnlyList<ImportRowError> errors)
    {
        Members = members;
        Errors = errors;
    }

    public IReadOnlyList<StaffMember> Members { get; }

    public IReadOnlyList<ImportRowError> Errors { get; }

    /// <summary>Reads the list; an unreadable file or missing columns give an empty list with one error (row 1).</summary>
    public static StaffList Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        RegistryTable table;
        try
        {
            table = RegistryTableReader.Read(content, RegistryTableReader.FormatFromFileName(fileName));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or ArgumentException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            return new StaffList([], [new ImportRowError(1, "file", "员工名单无法读取，请上传 xlsx 或 csv 文件。", "The staff list cannot be read: upload an xlsx or csv file.")]);
        }

        int name = table.Column("姓名", "name");
        int id = table.Column("身份证号码", "身份证号", "公民身份号码", "证件号码", "id_number", "id number");
        int number = table.Column("个人编号", "社保个人编号", "personal_number", "personal number");
        if (number < 0 || (name < 0 && id < 0))
        {
            return new StaffList([], [new ImportRowError(1, "header",
                "员工名单第一行应为列名：姓名、身份证号码、个人编号。", "The staff list's first row must name the columns: name, ID number, personal number.")]);
        }

        var members = new List<StaffMember>();
        var errors = new List<ImportRowError>();
        for (int i = 0; i < table.Rows.Count; i++)
        {
            string[] row = table.Rows[i];
            int line = i + 2;
            string? n = RegistryTable.Cell(row, number);
            string? who = RegistryTable.Cell(row, name);
            string? idNumber = RegistryTable.Cell(row, id)?.ToUpperInvariant();
            if (n is null && who is null && idNumber is null)
            {
                continue;
            }

            if (n is null || !PhotoFileName.IsPersonalNumber(n))
            {
                errors.Add(new ImportRowError(line, "personal_number", "个人编号应为10位数字。", "The personal number must be 10 digits."));
                continue;
            }

            members.Add(new StaffMember(line, who ?? "", idNumber ?? "", n));
        }

        return new StaffList(members, errors);
    }
}
