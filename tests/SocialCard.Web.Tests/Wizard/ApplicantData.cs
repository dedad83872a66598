using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Storage;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>The people, units, photos and cards the applicant tests use, written through Platform storage.</summary>
public static class ApplicantData
{
    public const string InsuredUnitCode = "325520";
    public const string InsuredUnitName = "中智四川经济技术合作有限公司一环路北一段分公司";
    public const string WorkUnitName = "成都数智科技有限公司";
    public const string NoBankUnitName = "成都无银行贸易有限公司";
    public const string Level2Name = "研发中心";
    public const string Level3Name = "测试部";
    public const string BankBranch = "金牛支行";

    /// <summary>张小明: registry has him, no photo on file.</summary>
    public static readonly string ApplicantId = ResidentId("51010719800101001");
    public const string ApplicantSsn = "0137600123";
    public const string ApplicantPersonal = "5101000001";
    public const string ApplicantName = "张小明";
    public const string ApplicantPhone = "13800138000";

    /// <summary>刘洋: like 张小明 (registry has him, no photo on file); the second browser viewport applies as him.</summary>
    public static readonly string SecondApplicantId = ResidentId("51010719920202006");
    public const string SecondApplicantName = "刘洋";
    public const string SecondApplicantPhone = "13900139006";

    /// <summary>李华: photo on file.</summary>
    public static readonly string PhotoPersonId = ResidentId("51010719850505002");
    public const string PhotoPersonName = "李华";
    public const string PhotoPersonPhone = "13700137002";

    /// <summary>孙八: registry has her with a social security number but no phone on file (she goes to the counter).</summary>
    public static readonly string NoPhoneId = ResidentId("51010719950303007");

    /// <summary>王五: in the people table without a social security number (registry "not found").</summary>
    public static readonly string NoSsnId = ResidentId("51010719900909003");

    /// <summary>赵六: card produced on <see cref="ProducedOn"/>.</summary>
    public static readonly string ProducedId = ResidentId("32058319700101004");
    public const string ProducedSsn = "3205000004";
    public const string ProducedPersonal = "3205830004";
    public static readonly DateOnly ProducedOn = new(2026, 11, 1);

    /// <summary>钱七: production failed.</summary>
    public static readonly string FailedId = ResidentId("32058319710101005");
    public const string FailedPersonal = "3205830005";
    public const string FailedReason = "无照片";

    /// <summary>Emily Clark: a passport holder (USA) with a phone on file; she has no Chinese ID card to show.</summary>
    public const string PassportNumber = "E98765432";
    public const string PassportCountry = "USA";
    public const string PassportPhone = "13600136008";

    /// <summary>A valid resident ID that is not in the registry at all.</summary>
    public static readonly string UnknownId = ResidentId("11010519491231002");

    /// <summary>The phone on file of a seeded person, by ID number.</summary>
    public static string PhoneOf(string idNumber) =>
        idNumber == ApplicantId ? ApplicantPhone
        : idNumber == SecondApplicantId ? SecondApplicantPhone
        : idNumber == PhotoPersonId ? PhotoPersonPhone
        : idNumber == PassportNumber ? PassportPhone
        : throw new ArgumentOutOfRangeException(nameof(idNumber), "no phone on file");

    public static string ResidentId(string first17) => first17 + ResidentIdNumber.ComputeCheckChar(first17);

    public static async Task SeedAsync(PlatformDatabase database, DateTimeOffset now)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        var insured = new Unit(InsuredUnitCode, InsuredUnitName);
        var work = new Unit("510001", WorkUnitName, bankCode: "BOCD", bankBranch: BankBranch);
        var level2 = new Unit("510001-01", Level2Name, work);
        var level3 = new Unit("510001-01-01", Level3Name, level2);
        var noBank = new Unit("510002", NoBankUnitName);
        db.Units.AddRange(insured, work, level2, level3, noBank);

        var applicant = new Person(IdType.ResidentId, ApplicantId, "CHN", ApplicantPersonal, ApplicantName, Gender.Male, new DateOnly(1980, 1, 1), "CHN")
        {
            SocialSecurityNumber = ApplicantSsn,
            Phone = ApplicantPhone,
        };
        applicant.MoveToUnit(insured);
        var second = new Person(IdType.ResidentId, SecondApplicantId, "CHN", "5101000006", SecondApplicantName, Gender.Male, new DateOnly(1992, 2, 2), "CHN")
        {
            SocialSecurityNumber = "0137600126",
            Phone = SecondApplicantPhone,
        };
        second.MoveToUnit(insured);
        var withPhoto = new Person(IdType.ResidentId, PhotoPersonId, "CHN", "5101000002", PhotoPersonName, Gender.Female, new DateOnly(1985, 5, 5), "CHN")
        {
            SocialSecurityNumber = "0137600124",
            Phone = PhotoPersonPhone,
        };
        withPhoto.MoveToUnit(insured);
        var noPhone = new Person(IdType.ResidentId, NoPhoneId, "CHN", "5101000007", "孙八", Gender.Female, new DateOnly(1995, 3, 3), "CHN")
        {
            SocialSecurityNumber = "0137600127",
        };
        noPhone.MoveToUnit(insured);
        var noSsn = new Person(IdType.ResidentId, NoSsnId, "CHN", "5101000003", "王五", Gender.Male, new DateOnly(1990, 9, 9), "CHN");
        var produced = new Person(IdType.ResidentId, ProducedId, "CHN", ProducedPersonal, "赵六", Gender.Male, new DateOnly(1970, 1, 1), "CHN")
        {
            SocialSecurityNumber = ProducedSsn,
        };
        var failed = new Person(IdType.ResidentId, FailedId, "CHN", FailedPersonal, "钱七", Gender.Male, new DateOnly(1971, 1, 1), "CHN")
        {
            SocialSecurityNumber = "3205000005",
        };
        var passport = new Person(IdType.Passport, PassportNumber, PassportCountry, "5101000008", "CLARK EMILY", Gender.Female, new DateOnly(1990, 4, 4), PassportCountry)
        {
            SocialSecurityNumber = "0137600128",
            Phone = PassportPhone,
        };
        passport.MoveToUnit(insured);
        db.People.AddRange(applicant, second, withPhoto, noPhone, noSsn, produced, failed, passport);
        await db.SaveChangesAsync();

        var photo = new Photo(PhotoChannel.Applicant, "5101000002.jpg", DevsetPhotos.Read(DevsetPhotos.WithLabel("compliant", 1)[0]), now, withPhoto.Id);
        photo.RecordReview(PhotoVerdict.Passed, "[]", now);
        db.Photos.Add(photo);

        var producedCard = new CardRecord(produced, now);
        producedCard.RecordPhotoReview(0, true, null, now, "test");
        producedCard.SendToCardCentre(now, "test");
        producedCard.Ingest(now, "test");
        producedCard.MarkProduced(ProducedOn, now, "test");
        var failedCard = new CardRecord(failed, now);
        failedCard.RecordPhotoReview(0, true, null, now, "test");
        failedCard.SendToCardCentre(now, "test");
        failedCard.Ingest(now, "test");
        failedCard.FailProduction(FailedReason, now, "test");
        db.CardRecords.AddRange(producedCard, failedCard);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex)
        {
            throw new InvalidOperationException(string.Join("; ", db.ChangeTracker.Entries().Select(e => e.Entity.GetType().Name + ":" + e.State)), ex);
        }
    }
}
