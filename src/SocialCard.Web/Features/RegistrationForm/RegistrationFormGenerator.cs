using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using SocialCard.Platform.Centre;

namespace SocialCard.Web.Features.RegistrationForm;

/// <summary>
/// Renders the centre's registration form (<see cref="CentreOptions.FormTitle"/>; the 成都市社会保障卡申办登记表 of seed 004) as a one-page A4 PDF: personal and ID data, unit and 部门, bank and
/// branch radio marks, photo box, ID card front/back, the 城乡居民 payment consent, student and guardian blocks, the
/// applicant's and reviewer's signature lines, occupation and education code legends and a QR code carrying the
/// application reference. Fonts are embedded (subset for TrueType) via <see cref="FormFontResolver"/>.
/// </summary>
public sealed class RegistrationFormGenerator
{
    /// <summary>The banks printed as radio marks, in the seed form's order; the applicant's bank is filled in.</summary>
    public static readonly IReadOnlyList<string> PrintedBanks =
        ["工商银行", "农业银行", "建设银行", "邮政储蓄银行", "成都银行", "成都农村商业银行"];

    private const double PageMargin = 36;
    private const double LabelWidth = 72;
    private const double RowHeight = 24;
    private const double PhotoColumnWidth = 100;
    private const double CellPadding = 4;

    private static readonly XPen GridPen = new(XColors.Black, 0.6);
    private static readonly XPen ThinPen = new(XColors.Gray, 0.4);
    private static readonly XBrush LabelFill = new XSolidBrush(XColor.FromArgb(0xF0, 0xF0, 0xF0));

    private readonly RegistrationFormOptions _options;
    private readonly CentreOptions _centre;

    /// <summary>The centre whose form this is (its title and its bank list).</summary>
    public CentreOptions Centre => _centre;

    /// <summary>A generator for the default (demo) centre.</summary>
    public RegistrationFormGenerator(IOptions<RegistrationFormOptions> options)
        : this(options, Options.Create(new CentreOptions()))
    {
    }

    public RegistrationFormGenerator(IOptions<RegistrationFormOptions> options, IOptions<CentreOptions> centre)
    {
        _options = options.Value;
        _centre = centre.Value;
        FormFontResolver.EnsureInstalled(_options);
    }

    public byte[] Generate(RegistrationFormData data)
    {
        using var document = new PdfDocument();
        document.Info.Title = _centre.FormTitle.Zh + " " + data.ApplicationReference;
        document.Info.Subject = data.ApplicationReference;
        document.Info.Creator = "SocialCard";
        PdfPage page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (XGraphics g = XGraphics.FromPdfPage(page))
        {
            new Renderer(g, page.Width.Point, data, _centre).Render();
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>One render pass: a cursor moving down the page.</summary>
    private sealed class Renderer(XGraphics g, double pageWidth, RegistrationFormData data, CentreOptions centre)
    {
        private readonly FormText _title = new(17, bold: true);
        private readonly FormText _label = new(9, bold: false);
        private readonly FormText _value = new(10);
        private readonly FormText _small = new(8);
        private readonly double _left = PageMargin;
        private readonly double _width = pageWidth - (2 * PageMargin);
        private double _y = PageMargin;

        public void Render()
        {
            Header();
            PersonBlock();
            UnitBlock();
            BankBlock();
            ExtraBlocks();
            IdCardImages();
            Signatures();
            Legends();
            Footer();
        }

        private void Header()
        {
            const double qrSize = 62;
            DrawQr(data.ApplicationReference, _left + _width - qrSize, _y - 8, qrSize);
            string title = centre.FormTitle.Zh;
            double titleWidth = _title.Measure(g, title);
            _title.Draw(g, title, _left + ((_width - titleWidth) / 2), _y + 4);
            _small.Draw(g, "申请编号：" + data.ApplicationReference, _left, _y + 34);
            _small.Draw(g, "提交时间：" + data.SubmittedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), _left + 180, _y + 34);
            _y += 58;
        }

        private void PersonBlock()
        {
            double top = _y;
            double mainWidth = _width - PhotoColumnWidth;
            Row4(mainWidth, "姓名", data.Name, "性别", data.Gender);
            Row4(mainWidth, "证件类型", data.IdTypeName, "国籍(地区)", data.Nationality);
            Row2(mainWidth, "证件号码", data.IdNumber, emphasise: true);
            string validity = Date(data.IdValidFrom) + " - " + (data.IdValidUntil is { } until ? Date(until) : "长期");
            Row2(mainWidth, "证件有效期", validity);
            Row2(mainWidth, "发证机关", data.IdIssuingAuthority);

            // Photo column spanning the five rows.
            double x = _left + mainWidth;
            double height = _y - top;
            g.DrawRectangle(GridPen, x, top, PhotoColumnWidth, height);
            const double boxWidth = 78;
            const double boxHeight = 96; // 358 x 441 aspect
            double bx = x + ((PhotoColumnWidth - boxWidth) / 2);
            double by = top + ((height - boxHeight) / 2);
            if (!DrawImage(data.PhotoJpeg, bx, by, boxWidth, boxHeight))
            {
                g.DrawRectangle(ThinPen, bx, by, boxWidth, boxHeight);
                _small.DrawWrapped(g, "请在此处粘贴照片", bx + 6, by + 36, boxWidth - 12, 11);
            }
        }

        private void UnitBlock()
        {
            Row2(_width, "参保单位", $"{data.InsuredUnitCode}  {data.InsuredUnitName}");
            string department = data.WorkUnit;
            if (!string.IsNullOrWhiteSpace(data.WorkUnitLevel2))
            {
                department += " / " + data.WorkUnitLevel2;
            }

            if (!string.IsNullOrWhiteSpace(data.WorkUnitLevel3))
            {
                department += " / " + data.WorkUnitLevel3;
            }

            Row2(_width, "部门", department);
            Row4(_width, "职业", $"{data.OccupationCode} {data.OccupationName}", "学历", $"{data.EducationCode} {data.EducationName}");
            Row4(_width, "手机号码", data.Mobile, "邮政编码", data.PostalCode);
            Row2(_width, "户口所在地址", data.HouseholdAddress, height: 28);
            Row2(_width, "常住地址\n(邮寄地址)", data.ResidentialAddress, height: 28);
        }

        private void BankBlock()
        {
            LabelCell("开户银行", _y, RowHeight + 4);
            double x = _left + LabelWidth + CellPadding;
            bool printed = false;
            foreach (string bank in PrintedBanks)
            {
                bool selected = string.Equals(bank, data.BankName, StringComparison.Ordinal);
                printed |= selected;
                x += _label.Draw(g, (selected ? "● " : "○ ") + bank, x, _y + 9) + 9;
            }

            if (!printed)
            {
                _label.Draw(g, "● " + data.BankName, x, _y + 9);
            }

            g.DrawRectangle(GridPen, _left + LabelWidth, _y, _width - LabelWidth, RowHeight + 4);
            _y += RowHeight + 4;
            Row4(_width, "银行网点", data.BankBranch, "社保编码", data.SocialSecurityNumber);
            double textWidth = _width - (2 * CellPadding);
            const string consent =
                "○ 在银行激活社保卡金融账号后，使用该账户缴纳城镇职工个体养老、医疗保险及城乡居民养老、医疗保险费用（同意请涂黑）";
            g.DrawRectangle(GridPen, _left, _y, _width, 30);
            _label.DrawWrapped(g, consent, _left + CellPadding, _y + 4, textWidth, 12, 2);
            _y += 30;
        }

        private void ExtraBlocks()
        {
            LabelCell("大学生/\n学生儿童", _y, 30);
            double x = _left + LabelWidth + CellPadding;
            _label.Draw(g, "院系 ________________   专业 ________________", x, _y + 3);
            _label.Draw(g, "年级 ________________   班级 ________________", x, _y + 16);
            g.DrawRectangle(GridPen, _left + LabelWidth, _y, _width - LabelWidth, 30);
            _y += 30;

            LabelCell("监护人/\n代办人", _y, 44);
            _label.Draw(g, "证件类型  ○ 身份证  ○ 户口簿  ○ 护照  ○ 其他", x, _y + 3);
            _label.Draw(g, "姓名 ________________   手机号码 ________________", x, _y + 16);
            _label.Draw(g, "证件号码 ______________________   与申请人关系 __________", x, _y + 29);
            g.DrawRectangle(GridPen, _left + LabelWidth, _y, _width - LabelWidth, 44);
            _y += 44;
        }

        private void IdCardImages()
        {
            _y += 6;
            const double cardWidth = 182;
            const double cardHeight = cardWidth / 1.585; // ID-1 card aspect (85.6 x 54 mm)
            double gap = (_width - (2 * cardWidth)) / 3;
            double x1 = _left + gap;
            double x2 = x1 + cardWidth + gap;
            IdCard(data.IdCardFrontJpeg, "身份证正面（人像面）", x1, cardWidth, cardHeight);
            IdCard(data.IdCardBackJpeg, "身份证反面（国徽面）", x2, cardWidth, cardHeight);
            _y += cardHeight + 16;
        }

        private void IdCard(byte[]? jpeg, string caption, double x, double width, double height)
        {
            g.DrawRectangle(ThinPen, x, _y, width, height);
            if (!DrawImage(jpeg, x, _y, width, height))
            {
                _small.Draw(g, "（未上传）", x + (width / 2) - 20, _y + (height / 2) - 5);
            }

            _small.Draw(g, caption, x + (width / 2) - (_small.Measure(g, caption) / 2), _y + height + 2);
        }

        private void Signatures()
        {
            const double height = 78;
            double half = _width / 2;
            g.DrawRectangle(GridPen, _left, _y, half, height);
            g.DrawRectangle(GridPen, _left + half, _y, half, height);
            double textWidth = half - (2 * CellPadding);
            int lines = _label.DrawWrapped(g,
                "本人在银行激活社保卡金融账户后，该账户作为社会保险待遇的唯一账户。本采集表内容已经本人核对，真实、准确，由本人负责。",
                _left + CellPadding, _y + 4, textWidth, 12);
            _label.Draw(g, "申请人（监护人/代办人）签名：", _left + CellPadding, _y + 8 + (lines * 12));
            _label.Draw(g, "年      月      日", _left + half - 90, _y + height - 14);

            double rx = _left + half + CellPadding;
            _label.Draw(g, "经审核，以上资料真实、准确、有效。", rx, _y + 4);
            _label.Draw(g, "审核人（签字或签章）：", rx, _y + 22);
            _label.Draw(g, "审核单位（盖章）：", rx, _y + 40);
            _label.Draw(g, "年      月      日", _left + _width - 90, _y + height - 14);
            _y += height + 6;
        }

        private void Legends()
        {
            _y += 1 + (12 * _small.DrawWrapped(g, "职业类型代码：" + Legend(data.OccupationLegend), _left, _y, _width, 11));
            _y += 1 + (12 * _small.DrawWrapped(g, "学历代码：" + Legend(data.EducationLegend), _left, _y, _width, 11));
        }

        private void Footer()
        {
            _y += 4;
            g.DrawLine(ThinPen, _left, _y, _left + _width, _y);
            _small.DrawWrapped(g,
                "请打印后在签名处签字，交人力资源部门或相关责任人。请勿涂改、折叠、裁剪登记表；请勿粘贴登记表或使用订书机。提交后 24 小时内可在“办理查询”页面修改。咨询电话：" + centre.Hotline,
                _left, _y + 3, _width, 11);
        }

        private static string Legend(IReadOnlyList<CodeLegendEntry> entries) =>
            string.Join("  ", entries.Select(e => $"{e.Code}.{e.Name}"));

        private static string Date(DateOnly date) => date.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);

        private void Row4(double width, string label1, string value1, string label2, string value2)
        {
            double half = width / 2;
            LabelCell(label1, _y, RowHeight);
            ValueCell(value1, _left + LabelWidth, half - LabelWidth, RowHeight, false);
            LabelCell(label2, _y, RowHeight, _left + half);
            ValueCell(value2, _left + half + LabelWidth, half - LabelWidth, RowHeight, false);
            _y += RowHeight;
        }

        private void Row2(double width, string label, string value, bool emphasise = false, double height = RowHeight)
        {
            LabelCell(label, _y, height);
            ValueCell(value, _left + LabelWidth, width - LabelWidth, height, emphasise);
            _y += height;
        }

        private void LabelCell(string label, double y, double height, double? x = null)
        {
            double lx = x ?? _left;
            g.DrawRectangle(GridPen, LabelFill, lx, y, LabelWidth, height);
            string[] lines = label.Split('\n');
            double top = y + ((height - (lines.Length * 11)) / 2);
            foreach (string line in lines)
            {
                _label.Draw(g, line, lx + CellPadding, top);
                top += 11;
            }
        }

        private void ValueCell(string value, double x, double width, double height, bool emphasise)
        {
            g.DrawRectangle(GridPen, x, _y, width, height);
            FormText font = emphasise ? new FormText(12, bold: true) : _value;
            List<string> lines = font.Wrap(g, value, width - (2 * CellPadding));
            int count = Math.Min(lines.Count, height > RowHeight ? 2 : 1);
            double lineHeight = font.Size + 2;
            double top = _y + ((height - (count * lineHeight)) / 2);
            for (int i = 0; i < count; i++)
            {
                font.Draw(g, lines[i], x + CellPadding, top + (i * lineHeight));
            }
        }

        private bool DrawImage(byte[]? jpeg, double x, double y, double width, double height)
        {
            if (jpeg is null || jpeg.Length == 0)
            {
                return false;
            }

            try
            {
                using var stream = new MemoryStream(jpeg, writable: false);
                using XImage image = XImage.FromStream(stream);
                double scale = Math.Min(width / image.PointWidth, height / image.PointHeight);
                double w = image.PointWidth * scale;
                double h = image.PointHeight * scale;
                g.DrawImage(image, x + ((width - w) / 2), y + ((height - h) / 2), w, h);
                return true;
            }
#pragma warning disable CA1031 // A photo PDFsharp cannot import must not stop the form: the box stays empty to paste a print.
            catch (Exception)
#pragma warning restore CA1031
            {
                return false;
            }
        }

        private void DrawQr(string text, double x, double y, double size)
        {
            using var generator = new QRCodeGenerator();
            using QRCodeData qr = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
            List<BitArray> matrix = qr.ModuleMatrix;
            double module = size / matrix.Count;
            for (int row = 0; row < matrix.Count; row++)
            {
                BitArray bits = matrix[row];
                for (int col = 0; col < bits.Length; col++)
                {
                    if (bits[col])
                    {
                        g.DrawRectangle(XBrushes.Black, x + (col * module), y + (row * module), module + 0.05, module + 0.05);
                    }
                }
            }
        }
    }
}
