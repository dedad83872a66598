using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.Portal;
using SocialCard.Web.Features.RegistrationForm;

namespace SocialCard.Web.Features.Console;

/// <summary>
/// 柜面收件回执: an A4 PDF for the unit's clerk listing what the unit handed in at the counter that day (personal
/// number, masked name, 申领表/采集表 received, the photo's pre-review) and when to expect the photos in the card
/// centre's records (<see cref="CentreOptions.CounterPhotoDays"/>). Drawn with the registration form's PDFsharp fonts
/// (<see cref="FormFontResolver"/>, <see cref="FormText"/>).
/// </summary>
public sealed class CounterReceiptPdf
{
    private const double Margin = 40;
    private const double RowHeight = 20;
    private static readonly XPen GridPen = new(XColors.Black, 0.6);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xF0, 0xF0, 0xF0));
    private static readonly double[] Columns = [36, 92, 78, 62, 62, 185];

    private readonly CentreOptions _centre;
    private readonly TimeProvider _time;

    public CounterReceiptPdf(IOptions<RegistrationFormOptions> fonts, IOptions<CentreOptions> centre, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(centre);
        FormFontResolver.EnsureInstalled(fonts.Value);
        _centre = centre.Value;
        _time = time;
    }

    /// <summary>The day the photos of a receipt are expected in the card centre's records.</summary>
    public DateOnly ExpectedBy(DateOnly day) => day.AddDays(_centre.CounterPhotoDays);

    /// <summary>"2 周" for whole weeks, else "N 天" (Chinese: the receipt is the centre's paper).</summary>
    public string ExpectedSpan => _centre.CounterPhotoDays % 7 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{_centre.CounterPhotoDays / 7} 周")
        : string.Create(CultureInfo.InvariantCulture, $"{_centre.CounterPhotoDays} 天");

    public byte[] Generate(CounterReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        using var document = new PdfDocument();
        document.Info.Title = $"柜面提交纸质照片回执 {receipt.UnitCode} {receipt.Day:yyyy-MM-dd}";
        document.Info.Creator = "SocialCard";
        var title = new FormText(16, bold: true);
        var body = new FormText(10);
        var small = new FormText(8.5);
        int index = 0;
        int pageNumber = 0;
        do
        {
            PdfPage page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            pageNumber++;
            using XGraphics g = XGraphics.FromPdfPage(page);
            double width = page.Width.Point - (2 * Margin);
            double y = Margin;
            string heading = _centre.AgencyName.Zh + " 柜面提交纸质照片回执";
            title.Draw(g, heading, Margin + ((width - title.Measure(g, heading)) / 2), y);
            y += 30;
            body.Draw(g, $"参保单位：{receipt.UnitCode}  {receipt.UnitName}", Margin, y);
            y += 16;
            body.Draw(g, string.Create(CultureInfo.InvariantCulture, $"递交日期：{receipt.Day:yyyy-MM-dd}    共 {receipt.Lines.Count} 人    第 {pageNumber} 页"), Margin, y);
            y += 16;
            y += 14 * body.DrawWrapped(g, string.Create(CultureInfo.InvariantCulture,
                $"纸质照片从柜台递交到审核入库一般需 {ExpectedSpan} 左右，预计 {ExpectedBy(receipt.Day):yyyy-MM-dd} 前后完成。预审不合格的人员请重新提供照片；进度可在中心网站“社保卡制卡发卡查询”中查看。"),
                Margin, y, width, 14);
            y += 8;
            y = Row(g, body, y, ["序号", "个人编号", "姓名", "申领表", "采集表", "照片预审"], header: true);
            double bottom = page.Height.Point - Margin - 90;
            while (index < receipt.Lines.Count && y + RowHeight <= bottom)
            {
                CounterReceiptLine line = receipt.Lines[index];
                index++;
                y = Row(g, body, y,
                [
                    index.ToString(CultureInfo.InvariantCulture), line.PersonalNumber, line.MaskedName,
                    line.ApplicationFormReceived ? "已收" : "未收（请补交）", line.CollectionFormReceived ? "已收" : "未收（请补交）", Verdict(line.Verdict),
                ], header: false);
            }

            if (index >= receipt.Lines.Count)
            {
                y += 18;
                body.Draw(g, "单位经办人签字：____________        中心经办人：____________        （中心业务专用章）", Margin, y);
                y += 24;
                small.DrawWrapped(g, $"打印时间：{PortalFormat.Time(_time.GetUtcNow())}。本回执不含完整个人信息，请妥善保管。咨询电话：{_centre.Hotline}",
                    Margin, y, width, 11);
            }
        }
        while (index < receipt.Lines.Count);

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static string Verdict(PhotoVerdict verdict) => verdict switch
    {
        PhotoVerdict.Passed => "合格",
        PhotoVerdict.Failed => "不合格，请重新提供照片",
        _ => "待中心复核",
    };

    private static double Row(XGraphics g, FormText font, double y, string[] cells, bool header)
    {
        double x = Margin;
        for (int i = 0; i < cells.Length; i++)
        {
            if (header)
            {
                g.DrawRectangle(GridPen, HeaderFill, x, y, Columns[i], RowHeight);
            }
            else
            {
                g.DrawRectangle(GridPen, x, y, Columns[i], RowHeight);
            }

            font.Draw(g, cells[i], x + 4, y + 4);
            x += Columns[i];
        }

        return y + RowHeight;
    }
}
