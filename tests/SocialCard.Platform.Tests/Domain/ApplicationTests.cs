using SocialCard.Platform.Domain;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Domain;

public sealed class ApplicationTests
{
    private static readonly DateTimeOffset T = new(2017, 6, 27, 10, 0, 0, TimeSpan.FromHours(8));

    public static ApplicationForm ValidForm() => new()
    {
        IdIssuingAuthority = "成都市公安局武侯区分局",
        IdValidFrom = new DateOnly(2015, 7, 17),
        IdValidUntil = new DateOnly(2035, 7, 17),
        HouseholdAddress = "成都市武侯区洗面桥横街4号",
        ResidentialAddress = "成都市武侯区洗面桥横街4号",
        PostalCode = "610041",
        Phone = "13812345678",
        OccupationCode = "2",
        EducationCode = "20",
    };

    [Fact]
    public void A_valid_form_has_no_errors()
    {
        Assert.Empty(ApplicationFormValidator.Validate(ValidForm(), DateOnly.FromDateTime(T.Date)));
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var form = ValidForm() with { PostalCode = "6100", Phone = "123", OccupationCode = "9", EducationCode = "99", IdValidUntil = new DateOnly(2017, 9, 1), HouseholdAddress = " " };
        var errors = ApplicationFormValidator.Validate(form, DateOnly.FromDateTime(T.Date));
        Assert.Equal(
            new[] { "education", "householdAddress", "idValidUntil", "occupation", "phone", "postalCode" },
            errors.Select(e => e.Field).Order(StringComparer.Ordinal).ToArray());
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.Zh) || string.IsNullOrEmpty(e.En)));
    }

    [Fact]
    public void Editable_for_24_hours_after_submission_then_locked_and_handed_over()
    {
        var app = new Application(Samples.Person(), T);
        app.Apply(ValidForm(), T);
        app.AttachIdImages([1], [2], T);
        app.Submit("BOCD", "金牛支行", T);
        Assert.Equal(T.AddHours(24), app.EditableUntil);

        app.Apply(ValidForm() with { PostalCode = "610000" }, T.AddHours(23.9));
        Assert.Equal("610000", app.PostalCode);
        Assert.Throws<SocialCardDomainException>(() => app.HandOver(T.AddHours(23)));

        var ex = Assert.Throws<SocialCardDomainException>(() => app.Apply(ValidForm(), T.AddHours(24)));
        Assert.Contains("24小时", ex.Zh, StringComparison.Ordinal);
        app.HandOver(T.AddHours(24));
        Assert.Equal(ApplicationState.HandedOver, app.State);
        Assert.Throws<SocialCardDomainException>(() => app.AttachIdImages([1], [2], T.AddHours(25)));
    }

    [Fact]
    public void Submission_needs_both_id_images()
    {
        var app = new Application(Samples.Person(), T);
        app.Apply(ValidForm(), T);
        Assert.Throws<SocialCardDomainException>(() => app.Submit("BOCD", null, T));
        Assert.Equal(ApplicationState.Draft, app.State);
    }

    [Fact]
    public void Form_code_7_is_stored_as_y()
    {
        var app = new Application(Samples.Person(), T);
        app.Apply(ValidForm() with { OccupationCode = "7" }, T);
        Assert.Equal("Y", app.OccupationCode);
    }
}
