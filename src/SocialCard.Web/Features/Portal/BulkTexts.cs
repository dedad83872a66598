using SocialCard.Web.Localization;

namespace SocialCard.Web.Features.Portal;

/// <summary>Words of the unit's bulk desk (check without submitting, fix all, staff list, packages of 50).</summary>
public sealed class BulkTexts : IUiTextSource
{
    public IEnumerable<KeyValuePair<string, UiTextEntry>> Entries { get; } = new Dictionary<string, UiTextEntry>
    {
        ["portal.nav.bulk"] = new("批量检查与修正", "Check and fix in bulk"),
        ["bulk.title"] = new("批量检查与修正照片", "Check and fix photos in bulk"),
        ["bulk.lead"] = new("先检查，不提交：选择一个 zip 压缩包或整个照片文件夹，系统逐张预审并列出问题；照片可以用个人编号、身份证号码或姓名命名，附上员工名单即可自动改为个人编号。确认后一次提交，超过 50 张自动分包。", "Check first, nothing is submitted: pick a zip or a whole photo folder and every photo is pre-reviewed with its problems listed. Photos may be named by personal number, ID number or name; add the staff list and they are renamed to the personal number. Submit once when you are happy; more than 50 photos are split into packages automatically."),
        ["bulk.zip"] = new("照片压缩包（zip，不限文件夹和张数，最多 500 张）", "Photo zip (any folders, up to 500 photos)"),
        ["bulk.folder"] = new("或选择照片文件夹", "Or choose a photo folder"),
        ["bulk.photos"] = new("或选择照片（可多选）", "Or choose photos (several allowed)"),
        ["bulk.staff"] = new("员工名单（可选，xlsx 或 csv：姓名、身份证号码、个人编号）", "Staff list (optional, xlsx or csv: name, ID number, personal number)"),
        ["bulk.check"] = new("检查（不提交）", "Check (nothing is submitted)"),
        ["bulk.none"] = new("请选择 zip 压缩包、照片文件夹或照片。", "Please choose a zip, a photo folder or photos."),
        ["bulk.toomany"] = new("一次最多检查 500 张照片，请分几次检查。", "At most 500 photos at a time; check them in several goes."),
        ["bulk.nophotos"] = new("没有找到可以检查的 jpg 照片。", "No jpg photos to check were found."),
        ["bulk.report.title"] = new("检查结果（尚未提交）", "Check results (not submitted yet)"),
        ["bulk.report.submitted"] = new("已提交，共 {0} 个批次：", "Submitted in {0} batches:"),
        ["bulk.report.summary"] = new("共 {0} 张：可直接提交 {1} 张，不合格 {2} 张，命名不匹配 {3} 张，已修正待采用 {4} 张。", "{0} photos: {1} ready, {2} failed, {3} not matched by name, {4} fixed and waiting for your accept."),
        ["bulk.col.file"] = new("原文件名", "Original file"),
        ["bulk.col.named"] = new("命名", "Named"),
        ["bulk.col.fix"] = new("自动修正", "Automatic fix"),
        ["bulk.named.PersonalNumber"] = new("已是个人编号", "Already the personal number"),
        ["bulk.named.IdNumber"] = new("按身份证号码改名", "Renamed from the ID number"),
        ["bulk.named.Name"] = new("按姓名改名", "Renamed from the name"),
        ["bulk.fix.all"] = new("修正全部可修正的照片（{0} 张）", "Fix every photo that can be fixed ({0})"),
        ["bulk.fix.working"] = new("正在修正，请稍候…", "Fixing, please wait…"),
        ["bulk.fix.use"] = new("采用修正后的照片", "Use the fixed photo"),
        ["bulk.fix.refused"] = new("无法自动修正：{0}", "Cannot fix automatically: {0}"),
        ["bulk.submit"] = new("采用所选修正并提交 {0} 张（分 {1} 个包，每包不超过 50 张）", "Accept the chosen fixes and submit {0} photos ({1} packages of at most 50)"),
        ["bulk.packages.title"] = new("下载分包", "Download the packages"),
        ["bulk.packages.lead"] = new("也可以下载这些压缩包自行保存或提交：每包不超过 50 张，照片放在以单位代码命名的文件夹里、以个人编号命名，已修正的照片用修正后的版本。提交后照片不再保留，请在提交前下载。",
            "You can also download the packages to keep or hand in yourself: at most 50 photos each, in a folder named by the unit code, each named by personal number, fixed photos in their fixed version. The photos are not kept after submitting: download before."),
        ["bulk.packages.link"] = new("第 {0} 包（{1} 张，zip）", "Package {0} ({1} photos, zip)"),
        ["bulk.submit.nothing"] = new("没有可以提交的照片：请先修正或更换不合格的照片。", "Nothing to submit: fix or replace the failed photos first."),
        ["bulk.submitted"] = new("已提交 {0} 张照片，共 {1} 个批次。", "{0} photos submitted in {1} batches."),
        ["bulk.mismatches"] = new("命名不匹配的照片", "Photos whose names match nobody"),
        ["bulk.withoutphoto"] = new("员工名单中没有照片的人员", "People on the staff list without a photo"),
        ["bulk.staff.errors"] = new("员工名单中有问题的行", "Rows of the staff list with problems"),
        ["bulk.staff.row"] = new("第 {0} 行", "Row {0}"),
        ["bulk.refusals"] = new("未读取的文件", "Files not read"),
        ["bulk.new"] = new("重新检查其他照片", "Check other photos"),
        ["bulk.batch.name"] = new("批量提交 {0}/{1}", "Bulk submission {0}/{1}"),
    };
}
