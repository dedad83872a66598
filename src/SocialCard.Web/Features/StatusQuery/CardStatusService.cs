using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.Wizard;

namespace SocialCard.Web.Features.StatusQuery;

/// <summary>
/// 社保卡制卡发卡查询 (seed 000 四.2, seed 004 办理查询): by social security number or the 10-digit personal number,
/// plus the ID number (required). Answers the card state, the failure reason and what to do, and the pickup date
/// (production + 30 days) with the pickup notes. Unknown person and wrong ID number give the identical answer, and
/// the ID comparison runs in constant time either way.
/// </summary>
public sealed class CardStatusService(PlatformDatabase database, TimeProvider clock, IOptions<CentreOptions> centre)
{
    private readonly string[] _pickupNotesZh =
        [.. centre.Value.Pickup.Notes(english: false), "取得新社保卡后需经启用方可使用：请携带社保卡和身份证原件到开户银行网点激活金融账户。"];

    private readonly string[] _pickupNotesEn =
        [.. centre.Value.Pickup.Notes(english: true), "Activate the card before use: take it and your ID card to a branch of the issuing bank."];

    public async Task<CardStatusAnswer> QueryAsync(StatusQueryRequest request, CancellationToken cancellationToken)
    {
        string idNumber = (request.IdNumber ?? string.Empty).Trim().ToUpperInvariant();
        string? personal = Clean(request.PersonalNumber);
        string? ssn = Clean(request.SocialSecurityNumber);
        await using PlatformDbContext db = database.CreateDbContext();
        Person? person = null;
        if (personal is not null)
        {
            person = await db.People.FirstOrDefaultAsync(p => p.PersonalNumber == personal, cancellationToken).ConfigureAwait(false);
        }
        else if (ssn is not null)
        {
            byte[] ssnHash = db.LookupHash(ssn);
            person = await db.People.FirstOrDefaultAsync(p => p.SocialSecurityNumberHash == ssnHash, cancellationToken).ConfigureAwait(false);
        }

        // Same work for "no such person" and "wrong ID number": always one constant-time comparison.
        string stored = person?.IdNumber ?? "000000000000000000";
        bool matches = FixedTimeEquals(stored, idNumber) && person is not null && idNumber.Length > 0;
        if (!matches)
        {
            return CardStatusAnswer.NotFound;
        }

        CardRecord? card = await db.CardRecords.Where(c => c.PersonId == person!.Id)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        Application? application = await db.Applications.Where(a => a.PersonId == person!.Id && a.State != ApplicationState.Draft)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        CardStatusAnswer answer = Describe(card, ChinaTime.Today(clock));
        return Describe(answer, application, database, clock.GetUtcNow());
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool FixedTimeEquals(string a, string b)
    {
        byte[] x = SHA256.HashData(Encoding.UTF8.GetBytes(a));
        byte[] y = SHA256.HashData(Encoding.UTF8.GetBytes(b));
        return CryptographicOperations.FixedTimeEquals(x, y);
    }

    internal CardStatusAnswer Describe(CardRecord? card, DateOnly today)
    {
        if (card is null)
        {
            return new CardStatusAnswer
            {
                Found = true,
                State = "none",
                StatusZh = "暂无制卡记录。",
                StatusEn = "No card production record yet.",
                ActionZh = "请通过参保单位或数据采集平台提交照片和申办信息。",
                ActionEn = "Submit your photo and data through your employer or the collection platform.",
            };
        }

        (string zh, string en, string? doZh, string? doEn) = card.State switch
        {
            CardState.Collecting => ("采集中：尚未收到合格照片。", "Collecting: no accepted photo yet.",
                "请通过参保单位提交本人标准证件照。", "Have your employer submit a standard ID photo."),
            CardState.PhotoPassed => ("照片预审合格，等待发送至市社保卡中心。", "Photo passed pre-review; waiting to be sent to the city card centre.", null, null),
            CardState.PhotoFailed => ("照片预审不合格。", "The photo failed pre-review.",
                "请参保单位通过“制卡失败人员照片上传”重新提交标准照片，新照片审核入库后才能重新加入批量制卡。",
                "Your employer must submit a new standard photo (\"photo upload for failed cards\"); you rejoin batch production once it is accepted."),
            CardState.SentToCardCentre => ("照片已发送至市社保卡中心，审核入库中（电子照片一般1周左右）。", "Sent to the city card centre; being checked (about a week for electronic photos).", null, null),
            CardState.Ingested => ("照片已审核入库，等待制卡。", "Photo accepted into the card system; waiting for production.", null, null),
            CardState.Voided => ("照片已作废。", "The photo was voided.",
                "请核对10位个人编号与照片文件名一致后，由参保单位重新提交照片。", "Check that the photo's file name is your 10-digit personal number; your employer must resubmit it."),
            CardState.Produced => ("已制卡。", "The card has been produced.", null, null),
            CardState.ReadyForPickup => ("可领卡。", "Ready for pickup.", null, null),
            CardState.PickedUp => ("已领卡。", "Picked up.",
                "请携带社保卡和身份证原件到开户银行网点激活金融账户。", "Activate the bank function at a branch of the issuing bank with the card and your ID."),
            CardState.ProductionFailed => ("制卡失败。", "Card production failed.",
                "请参保单位通过“制卡失败人员照片上传”自助提交标准电子照，或在柜面提交纸质照片及申领表、采集表。",
                "Your employer can upload a standard photo (\"photo upload for failed cards\"), or hand in a paper photo with the application forms at the counter."),
            CardState.Resubmitted => ("制卡失败后已重新提交照片，等待处理。", "A new photo was submitted after the failure; waiting for processing.", null, null),
            _ => ("状态未知。", "Unknown state.", null, null),
        };

        bool pickup = card.State is CardState.Produced or CardState.ReadyForPickup;
        DateOnly? pickupFrom = card.ReadyForPickupOn ?? card.ProducedOn?.AddDays(CardRecord.PickupDelayDays);
        if (pickup && pickupFrom is { } from)
        {
            string when = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            doZh = today >= from ? $"已可领卡（{when} 起）。" : $"请于 {when}（制卡日期30日之后）起领卡。";
            doEn = today >= from ? $"You can collect it now (from {when})." : $"Collect it from {when} (30 days after production).";
        }

        return new CardStatusAnswer
        {
            Found = true,
            State = card.State.ToString(),
            StatusZh = zh,
            StatusEn = en,
            Reason = card.Reason,
            ActionZh = doZh,
            ActionEn = doEn,
            ProducedOn = card.ProducedOn,
            PickupFrom = pickup || card.State == CardState.PickedUp ? pickupFrom : null,
            PickupNotesZh = pickup ? _pickupNotesZh : [],
            PickupNotesEn = pickup ? _pickupNotesEn : [],
        };
    }

    private static CardStatusAnswer Describe(CardStatusAnswer answer, Application? application, PlatformDatabase database, DateTimeOffset now)
    {
        if (application is null)
        {
            return answer;
        }

        string reference = ApplicationView.ReferenceFor(application.Id, database.Protector);
        if (application.IsEditable(now))
        {
            string until = ChinaTime.ToChina(application.EditableUntil!.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            return answer with
            {
                ApplicationZh = $"申办登记 {reference} 已提交，{until} 前可在“查询/修改”页面修改。",
                ApplicationEn = $"Registration {reference} submitted; it can be changed on the view/change page until {until}.",
            };
        }

        return answer with
        {
            ApplicationZh = $"申办登记 {reference} 已移交社保局，不能再修改。",
            ApplicationEn = $"Registration {reference} has been handed over and can no longer be changed.",
        };
    }
}
