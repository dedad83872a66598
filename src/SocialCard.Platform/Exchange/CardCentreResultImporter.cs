using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Exchange;

/// <summary>
/// Parses a card-centre result file: CSV with the header <c>number,status,production_date,reason</c> (any column
/// order, names case-insensitive), UTF-8 (BOM optional) or GBK. Every bad line is reported with its line number and a
/// zh/en message; good lines become <see cref="CardCentreResultRow"/>s.
/// </summary>
public sealed class CardCentreResultImporter
{
    /// <summary>Default largest file accepted: 50 MB.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    private static readonly Dictionary<string, CardCentreResultStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ingested"] = CardCentreResultStatus.Ingested,
        ["voided"] = CardCentreResultStatus.Voided,
        ["produced"] = CardCentreResultStatus.Produced,
        ["failed"] = CardCentreResultStatus.Failed,
        ["picked_up"] = CardCentreResultStatus.PickedUp,
    };

    private readonly long _maxBytes;

    /// <summary>Creates an importer accepting files up to <paramref name="maxBytes"/>.</summary>
    public CardCentreResultImporter(long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        _maxBytes = maxBytes;
    }

    /// <summary>Text of a status as it appears in the file.</summary>
    public static string StatusText(CardCentreResultStatus status) => status switch
    {
        CardCentreResultStatus.Ingested => "ingested",
        CardCentreResultStatus.Voided => "voided",
        CardCentreResultStatus.Produced => "produced",
        CardCentreResultStatus.Failed => "failed",
        CardCentreResultStatus.PickedUp => "picked_up",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Reads <paramref name="content"/> (at most the configured size) and parses it.</summary>
    public async Task<CardCentreImportResult> ParseAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _maxBytes)
            {
                return TooLarge(string.Empty);
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.ToArray());
    }

    /// <summary>Parses a whole file held in memory.</summary>
    public CardCentreImportResult Parse(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (content.LongLength > _maxBytes)
        {
            return TooLarge(hash);
        }

        var (text, encodingName) = Decode(content);
        var errors = new List<ImportRowError>();
        var rows = new List<CardCentreResultRow>();
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            NormalizeHeaderName = static h => h.Trim().ToLowerInvariant(),
            FormatProvider = CultureInfo.InvariantCulture,
            MaxRecordSize = 64 * 1024,
            OnMalformedRecord = record => errors.Add(new ImportRowError(
                record.LineNumber,
                null,
                "该行引号不匹配，无法解析",
                $"the line has unbalanced quotes and cannot be parsed ({record.Reason})")),
        };

        try
        {
            using var reader = CsvReader.FromText(text, options);
            if (!HeaderIsValid(reader.Headers, errors))
            {
                return new CardCentreImportResult(hash, encodingName, [], errors, isRejected: true);
            }

            int number = reader.GetFieldIndex("number");
            int status = reader.GetFieldIndex("status");
            int date = reader.GetFieldIndex("production_date");
            int reason = reader.GetFieldIndex("reason");
            var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
            int expectedFields = reader.Headers.Count;

            while (reader.Read())
            {
                long line = reader.LineNumber;
                if (reader.FieldCount != expectedFields)
                {
                    errors.Add(new ImportRowError(
                        line,
                        null,
                        $"该行应有{expectedFields}列，实际为{reader.FieldCount}列",
                        $"the line should have {expectedFields} fields but has {reader.FieldCount}"));
                    continue;
                }

                var row = ParseRow(line, reader.GetString(number), reader.GetString(status), reader.GetString(date), reader.GetString(reason), errors);
                if (row is null)
                {
                    continue;
                }

                if (firstLine.TryGetValue(row.PersonalNumber, out long first))
                {
                    errors.Add(new ImportRowError(
                        line,
                        "number",
                        $"个人编号{row.PersonalNumber}重复，首次出现在第{first}行",
                        $"personal number {row.PersonalNumber} repeats the one on line {first}"));
                    continue;
                }

                firstLine.Add(row.PersonalNumber, line);
                rows.Add(row);
            }
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new ImportRowError(0, null, "文件格式错误，无法继续解析", "the file is malformed and cannot be parsed further: " + ex.Message));
            return new CardCentreImportResult(hash, encodingName, [], Sorted(errors), isRejected: true);
        }

        return new CardCentreImportResult(hash, encodingName, rows, Sorted(errors), isRejected: false);
    }

    private static List<ImportRowError> Sorted(List<ImportRowError> errors) =>
        [.. errors.OrderBy(static e => e.LineNumber)];

    private static CardCentreImportResult TooLarge(string hash) => new(
        hash,
        string.Empty,
        [],
        [new ImportRowError(0, null, "文件过大", "the file is too large")],
        isRejected: true);

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise GBK.</summary>
    private static (string Text, string EncodingName) Decode(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return (StrictUtf8.GetString(bytes), "utf-8");
        }

        return (ZipNameEncoding.Gbk.GetString(bytes), "gbk");
    }

    private static bool HeaderIsValid(IReadOnlyList<string> headers, List<ImportRowError> errors)
    {
        var expected = CardCentreExchangeFormat.ResultHeader;
        var present = new HashSet<string>(headers, StringComparer.OrdinalIgnoreCase);
        bool ok = headers.Count == expected.Count && expected.All(present.Contains);
        if (!ok)
        {
            string wanted = string.Join(",", expected);
            errors.Add(new ImportRowError(
                1,
                null,
                $"表头应为 {wanted}，实际为 {string.Join(",", headers)}",
                $"the header must be {wanted} but is {string.Join(",", headers)}"));
        }

        return ok;
    }

    private static CardCentreResultRow? ParseRow(long line, string numberText, string statusText, string dateText, string reasonText, List<ImportRowError> errors)
    {
        int before = errors.Count;
        if (!PhotoFileName.IsPersonalNumber(numberText))
        {
            errors.Add(new ImportRowError(line, "number", $"个人编号应为10位数字：“{numberText}”", $"the personal number must be 10 digits: '{numberText}'"));
        }

        if (!Statuses.TryGetValue(statusText, out var status))
        {
            errors.Add(new ImportRowError(
                line,
                "status",
                $"状态“{statusText}”无效，应为 ingested、voided、produced、failed 或 picked_up",
                $"status '{statusText}' is not one of ingested, voided, produced, failed, picked_up"));
        }

        DateOnly? productionDate = null;
        if (dateText.Length > 0)
        {
            if (DateOnly.TryParseExact(dateText, CardCentreExchangeFormat.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                productionDate = parsed;
            }
            else
            {
                errors.Add(new ImportRowError(line, "production_date", $"制卡日期格式应为yyyy-MM-dd：“{dateText}”", $"production_date must be yyyy-MM-dd: '{dateText}'"));
            }
        }

        if (errors.Count == before)
        {
            if (status is CardCentreResultStatus.Produced or CardCentreResultStatus.PickedUp && productionDate is null)
            {
                errors.Add(new ImportRowError(line, "production_date", "状态为已制卡或已领卡时必须填写制卡日期", $"production_date is required when the status is {StatusText(status)}"));
            }

            if (status is CardCentreResultStatus.Voided or CardCentreResultStatus.Failed && reasonText.Length == 0)
            {
                errors.Add(new ImportRowError(line, "reason", "状态为作废或制卡失败时必须填写原因", $"reason is required when the status is {StatusText(status)}"));
            }
        }

        return errors.Count == before
            ? new CardCentreResultRow(line, numberText, status, productionDate, reasonText.Length == 0 ? null : reasonText)
            : null;
    }
}
