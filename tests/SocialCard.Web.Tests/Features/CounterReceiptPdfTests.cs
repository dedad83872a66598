using System.Globalization;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.Console;
using SocialCard.Web.Features.RegistrationForm;
using SocialCard.Web.Tests.Wizard;

namespace SocialCard.Web.Tests.Features;

/// <summary>The counter receipt lists every person handed in (over several pages), the forms missing, each photo's
/// pre-review and the expected time from the centre's configuration; the scan advice names what to do per problem.</summary>
public sealed class CounterReceiptPdfTests
{
    private static CounterReceiptPdf Pdf(int days) =>
        new(Options.Create(new RegistrationFormOptions()), Options.Create(new CentreOptions { CounterPhotoDays = days }), TimeProvider.System);

    [Fact]
    public void The_receipt_lists_every_person_with_forms_and_verdict_and_the_expected_time()
    {
        var day = new DateOnly(2026, 12, 1);
        List<CounterReceiptLine> lines = [.. Enumerable.Range(0, 60).Select(i => new CounterReceiptLine(i + 1,
            (3200000000L + i).ToString(CultureInfo.InvariantCulture), "王*", i == 1 ? PhotoVerdict.Failed : PhotoVerdict.Passed,
            i != 2, true, new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero)))];
        byte[] pdf = Pdf(14).Generate(new CounterReceipt("320500", "苏州示例单位", day, lines));

        string text = PdfTools.Text(pdf);
        Assert.Contains("柜面提交纸质照片回执", text, StringComparison.Ordinal);
        Assert.Contains("320500", text, StringComparison.Ordinal);
        Assert.Contains("2 周", text, StringComparison.Ordinal);
        Assert.Contains("2026-12-15", text, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Contains(l.PersonalNumber, text, StringComparison.Ordinal));
        Assert.Contains("未收（请补交）", text, StringComparison.Ordinal);
        Assert.Contains("不合格，请重新提供照片", text, StringComparison.Ordinal);
        Assert.Contains("单位经办人签字", text, StringComparison.Ordinal);
        Assert.True(text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Length > 1, "60 people do not fit on one page");

        string tenDays = PdfTools.Text(Pdf(10).Generate(new CounterReceipt("320500", "苏州示例单位", day, lines[..1])));
        Assert.Contains("10 天", tenDays, StringComparison.Ordinal);
        Assert.Contains("2026-12-11", tenDays, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_problems_get_one_instruction_each_and_passing_rules_none()
    {
        static PhotoFinding F(string rule, FindingOutcome outcome) => new(rule, outcome, null, null, "", "");
        Assert.Equal(["console.counter.scan.recapture", "console.counter.scan.sharpness", "console.counter.scan.size"], CounterScanAdvice.For(
            [F("image.dpi", FindingOutcome.Fail), F("sharpness.ghost", FindingOutcome.Warn), F("sharpness.blur", FindingOutcome.Fail),
             F("source.recapture", FindingOutcome.Fail), F("background.color", FindingOutcome.Fail)]));
        Assert.Empty(CounterScanAdvice.For([F("sharpness.blur", FindingOutcome.Pass), F("source.recapture", FindingOutcome.Skip)]));
    }
}
