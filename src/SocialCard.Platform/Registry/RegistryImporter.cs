using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Codes;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Registry;

/// <summary>Imports units and people from the social security registry (.csv or .xlsx, header row in Chinese or
/// English). Each row is validated on its own; bad rows are reported and skipped, good rows are inserted or updated
/// (people by personal number, units by unit code). One audit event per import.</summary>
public sealed class RegistryImporter(PlatformDatabase database, TimeProvider time, IOptions<CentreOptions>? centre = null)
{
    private const int Chunk = 500;

    public async Task<ImportReport> ImportUnitsAsync(Stream file, RegistryFileFormat format, string actor, CancellationToken cancellationToken = default)
    {
        var table = RegistryTableReader.Read(file, format);
        var cCode = table.Column("单位编号", "单位代码", "unit_code", "code");
        var cName = table.Column("单位名称", "unit_name", "name");
        var cParent = table.Column("上级单位编号", "上级单位代码", "parent_code");
        var cBank = table.Column("开户银行", "bank", "bank_code");
        var cBranch = table.Column("银行网点", "开户网点", "bank_branch", "branch");
        var errors = new List<ImportRowError>();
        if (cCode < 0 || cName < 0)
        {
            errors.Add(new ImportRowError(1, "header", "缺少“单位编号”或“单位名称”列。", "The header needs unit_code and unit_name columns."));
            return new ImportReport(table.Rows.Count, 0, 0, errors);
        }

        await using var db = database.CreateDbContext();
        var units = await db.Units.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        int inserted = 0, updated = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var rowNo = i + 2;
            if (row.Length == 0)
            {
                continue;
            }

            var code = RegistryTable.Cell(row, cCode);
            var name = RegistryTable.Cell(row, cName);
            var parentCode = RegistryTable.Cell(row, cParent);
            var bank = ResolveBank(RegistryTable.Cell(row, cBank));
            var bankText = RegistryTable.Cell(row, cBank);
            var branch = RegistryTable.Cell(row, cBranch);
            var rowErrors = new List<ImportRowError>();
            if (code is null)
            {
                rowErrors.Add(new(rowNo, "unit_code", "单位编号不能为空。", "unit_code is empty."));
            }
            else if (!seen.Add(code))
            {
                rowErrors.Add(new(rowNo, "unit_code", $"单位编号 {code} 在文件中重复。", $"unit_code {code} appears twice in the file."));
            }

            if (name is null)
            {
                rowErrors.Add(new(rowNo, "unit_name", "单位名称不能为空。", "unit_name is empty."));
            }

            if (bankText is not null && bank is null)
            {
                rowErrors.Add(new(rowNo, "bank", $"未知的开户银行“{bankText}”。", $"Unknown bank '{bankText}'."));
            }

            Unit? parent = null;
            if (parentCode is not null && !units.TryGetValue(parentCode, out parent))
            {
                rowErrors.Add(new(rowNo, "parent_code", $"上级单位 {parentCode} 不存在（上级单位须在前面的行或已导入）。",
                    $"Parent unit {parentCode} not found (it must be imported before, or on an earlier row)."));
            }
            else if (parent is not null && parent.Level >= 3)
            {
                rowErrors.Add(new(rowNo, "parent_code", "单位层级最多三级。", "Units nest at most three levels deep."));
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            if (units.TryGetValue(code!, out var existing))
            {
                existing.Rename(name!);
                existing.SetBank(bank, branch);
                updated++;
            }
            else
            {
                var u = new Unit(code!, name!, parent, bank, branch);
                db.Units.Add(u);
                units[code!] = u;
                inserted++;
            }
        }

        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, "unit.import", "unit", "*", $"inserted={inserted}; updated={updated}; errors={errors.Count}"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ImportReport(table.Rows.Count(r => r.Length > 0), inserted, updated, errors);
    }

    public async Task<ImportReport> ImportPeopleAsync(Stream file, RegistryFileFormat format, string actor, CancellationToken cancellationToken = default)
    {
        var table = RegistryTableReader.Read(file, format);
        var col = new PeopleColumns(table);
        var errors = new List<ImportRowError>();
        if (col.IdNumber < 0 || col.PersonalNumber < 0 || col.Name < 0)
        {
            errors.Add(new ImportRowError(1, "header", "缺少“证件号码”“个人编号”或“姓名”列。", "The header needs id_number, personal_number and name columns."));
            return new ImportReport(table.Rows.Count, 0, 0, errors);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Dictionary<string, long> unitIds;
        await using (var db = database.CreateDbContext())
        {
            unitIds = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        }

        int inserted = 0, updated = 0, read = 0;
        var seenPn = new HashSet<string>(StringComparer.Ordinal);
        var seenId = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<(int Row, PersonRow Person, string? UnitCode)>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            if (row.Length == 0)
            {
                continue;
            }

            read++;
            var parsed = ParsePerson(row, i + 2, col, today, unitIds, errors);
            if (parsed is null)
            {
                continue;
            }

            if (!seenPn.Add(parsed.PersonalNumber))
            {
                errors.Add(new(i + 2, "personal_number", $"个人编号 {parsed.PersonalNumber} 在文件中重复。", $"Personal number {parsed.PersonalNumber} appears twice in the file."));
                continue;
            }

            if (!seenId.Add(parsed.IdType + ":" + parsed.CountryCode + ":" + parsed.IdNumber))
            {
                errors.Add(new(i + 2, "id_number", "证件号码在文件中重复。", "The ID number appears twice in the file."));
                continue;
            }

            pending.Add((i + 2, parsed, null));
            if (pending.Count >= Chunk)
            {
                var (ins, upd) = await WriteChunkAsync(pending, errors, cancellationToken).ConfigureAwait(false);
                inserted += ins;
                updated += upd;
                pending.Clear();
            }
        }

        if (pending.Count > 0)
        {
            var (ins, upd) = await WriteChunkAsync(pending, errors, cancellationToken).ConfigureAwait(false);
            inserted += ins;
            updated += upd;
        }

        await using (var db = database.CreateDbContext())
        {
            db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.PersonImported, "person", "*",
                $"inserted={inserted}; updated={updated}; rejected_rows={errors.Select(e => e.Row).Distinct().Count()}"));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new ImportReport(read, inserted, updated, errors);
    }

    private async Task<(int Inserted, int Updated)> WriteChunkAsync(List<(int Row, PersonRow Person, string? UnitCode)> chunk, List<ImportRowError> errors,
        CancellationToken ct)
    {
        await using var db = database.CreateDbContext();
        var pns = chunk.Select(c => c.Person.PersonalNumber).ToList();
        var existing = await db.People.Where(p => pns.Contains(p.PersonalNumber)).ToDictionaryAsync(p => p.PersonalNumber, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var hashes = chunk.Select(c => db.LookupHash(c.Person.IdNumber)).ToList();
        var byHash = (await db.People.Where(p => hashes.Contains(p.IdNumberHash!)).Select(p => new { p.PersonalNumber, p.IdNumberHash }).ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(p => Convert.ToBase64String(p.IdNumberHash!), p => p.PersonalNumber, StringComparer.Ordinal);
        int inserted = 0, updated = 0;
        for (var i = 0; i < chunk.Count; i++)
        {
            var (rowNo, r, _) = chunk[i];
            if (byHash.TryGetValue(Convert.ToBase64String(hashes[i]), out var ownerPn) && ownerPn != r.PersonalNumber)
            {
                errors.Add(new(rowNo, "id_number", "该证件号码已登记在另一个个人编号下。", "This ID number is already registered under another personal number."));
                continue;
            }

            if (existing.TryGetValue(r.PersonalNumber, out var p))
            {
                if (!string.Equals(p.IdNumber, r.IdNumber, StringComparison.Ordinal))
                {
                    errors.Add(new(rowNo, "id_number", "个人编号已存在且证件号码不一致，请核对。", "The personal number exists with a different ID number."));
                    continue;
                }

                p.Name = r.Name;
                p.Phone = r.Phone;
                p.SocialSecurityNumber = r.SocialSecurityNumber;
                p.Nationality = r.Nationality;
                if (r.UnitId is { } uid)
                {
                    var unit = await db.Units.SingleAsync(u => u.Id == uid, ct).ConfigureAwait(false);
                    p.MoveToUnit(unit);
                }

                updated++;
            }
            else
            {
                var person = new Person(r.IdType, r.IdNumber, r.CountryCode, r.PersonalNumber, r.Name, r.Gender, r.BirthDate, r.Nationality)
                {
                    Phone = r.Phone,
                    SocialSecurityNumber = r.SocialSecurityNumber,
                };
                db.People.Add(person);
                if (r.UnitId is { } uid)
                {
                    db.Entry(person).Property(x => x.UnitId).CurrentValue = uid;
                }

                inserted++;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (inserted, updated);
    }

    private static PersonRow? ParsePerson(string[] row, int rowNo, PeopleColumns c, DateOnly today, Dictionary<string, long> units, List<ImportRowError> errors)
    {
        var before = errors.Count;
        void Err(ValidationError? e)
        {
            if (e is not null)
            {
                errors.Add(new(rowNo, e.Field, e.Zh, e.En));
            }
        }

        var typeText = RegistryTable.Cell(row, c.IdType);
        IdType idType;
        if (typeText is null || typeText.Contains("身份证", StringComparison.Ordinal) || typeText.Contains("户口", StringComparison.Ordinal) ||
            typeText.Equals("ResidentId", StringComparison.OrdinalIgnoreCase) || typeText == "1")
        {
            idType = IdType.ResidentId;
        }
        else if (typeText.Contains("护照", StringComparison.Ordinal) || typeText.Equals("Passport", StringComparison.OrdinalIgnoreCase) || typeText == "2")
        {
            idType = IdType.Passport;
        }
        else
        {
            errors.Add(new(rowNo, "id_type", $"未知的证件类型“{typeText}”。", $"Unknown ID type '{typeText}'."));
            return null;
        }

        var idNumber = RegistryTable.Cell(row, c.IdNumber)?.ToUpperInvariant();
        var country = RegistryTable.Cell(row, c.Country)?.ToUpperInvariant() ?? (idType == IdType.ResidentId ? "CHN" : null);
        var genderText = RegistryTable.Cell(row, c.Gender);
        var birthText = RegistryTable.Cell(row, c.BirthDate);
        var gender = ParseGender(genderText);
        DateOnly? birth = ParseDate(birthText);
        if (birthText is not null && birth is null)
        {
            errors.Add(new(rowNo, "birth_date", $"出生日期“{birthText}”无法识别。", $"Birth date '{birthText}' is not a date."));
        }

        if (genderText is not null && gender is null)
        {
            errors.Add(new(rowNo, "gender", $"性别“{genderText}”无法识别（男/女）。", $"Gender '{genderText}' is not 男/女 (male/female)."));
        }

        if (idType == IdType.ResidentId)
        {
            Err(ResidentIdNumber.Validate(idNumber, today, out var info, "id_number"));
            if (idNumber is not null && errors.Count == before)
            {
                if (birth is { } b && b != info.BirthDate)
                {
                    errors.Add(new(rowNo, "birth_date", "出生日期与身份证号码不一致。", "Birth date does not match the resident ID number."));
                }

                if (gender is { } g && g != info.Gender)
                {
                    errors.Add(new(rowNo, "gender", "性别与身份证号码不一致。", "Gender does not match the resident ID number."));
                }

                birth ??= info.BirthDate;
                gender ??= info.Gender;
                idNumber = info.Number;
            }
        }
        else
        {
            Err(InputRules.Passport(idNumber, country, "id_number"));
            if (birth is null)
            {
                errors.Add(new(rowNo, "birth_date", "护照持有人须填写出生日期。", "Birth date is required for passport holders."));
            }
        }

        var pn = RegistryTable.Cell(row, c.PersonalNumber);
        Err(InputRules.PersonalNumber(pn, "personal_number"));
        var name = RegistryTable.Cell(row, c.Name);
        if (name is null)
        {
            errors.Add(new(rowNo, "name", "姓名不能为空。", "Name is empty."));
        }

        var phone = RegistryTable.Cell(row, c.Phone);
        if (phone is not null)
        {
            Err(InputRules.MobilePhone(phone, "phone"));
        }

        long? unitId = null;
        var unitCode = RegistryTable.Cell(row, c.UnitCode);
        if (unitCode is not null)
        {
            if (units.TryGetValue(unitCode, out var uid))
            {
                unitId = uid;
            }
            else
            {
                errors.Add(new(rowNo, "unit_code", $"单位编号 {unitCode} 不存在，请先导入单位。", $"Unit {unitCode} does not exist; import units first."));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new PersonRow(idType, idNumber!, country!, RegistryTable.Cell(row, c.SocialSecurityNumber), pn!.Trim(), name!, gender ?? Gender.Unknown,
            birth!.Value, RegistryTable.Cell(row, c.Nationality) ?? (idType == IdType.ResidentId ? "中国" : country!), phone, unitId);
    }

    private static Gender? ParseGender(string? s) => s switch
    {
        null => null,
        "男" or "1" or "M" or "m" or "Male" or "male" => Gender.Male,
        "女" or "2" or "F" or "f" or "Female" or "female" => Gender.Female,
        _ => null,
    };

    internal static DateOnly? ParseDate(string? s)
    {
        if (s is null)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyyMMdd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"];
        if (DateOnly.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        // An Excel date cell holds a serial day number.
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        return null;
    }

    /// <summary>The code of the centre's bank named by <paramref name="text"/> (its code or Chinese name), or null.</summary>
    private string? ResolveBank(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var banks = (centre?.Value ?? new CentreOptions()).BankList;
        return banks.FirstOrDefault(b => string.Equals(b.Code, text, StringComparison.OrdinalIgnoreCase))?.Code
            ?? banks.FirstOrDefault(b => b.Zh == text || text.Contains(b.Zh, StringComparison.Ordinal))?.Code;
    }

    private sealed class PeopleColumns(RegistryTable t)
    {
        public int IdType { get; } = t.Column("证件类型", "id_type");
        public int IdNumber { get; } = t.Column("证件号码", "身份证号码", "公民身份号码", "id_number");
        public int Country { get; } = t.Column("国家或地区", "国家", "country", "country_code");
        public int SocialSecurityNumber { get; } = t.Column("社保号码", "社会保障号码", "social_security_number", "ssn");
        public int PersonalNumber { get; } = t.Column("个人编号", "社保个人编号", "personal_number");
        public int Name { get; } = t.Column("姓名", "name");
        public int Gender { get; } = t.Column("性别", "gender");
        public int BirthDate { get; } = t.Column("出生日期", "birth_date");
        public int Nationality { get; } = t.Column("国籍", "nationality");
        public int Phone { get; } = t.Column("手机号码", "手机", "phone");
        public int UnitCode { get; } = t.Column("单位编号", "单位代码", "unit_code");
    }
}
