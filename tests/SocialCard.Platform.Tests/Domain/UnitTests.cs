using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Tests.Domain;

public sealed class UnitTests
{
    [Fact]
    public void Bank_comes_from_the_nearest_unit_that_has_one()
    {
        var top = new Unit("325520", "中智四川", null, "BOCD", "金牛支行");
        var dept = new Unit("325520-01", "环路北一段分公司", top);
        var team = new Unit("325520-01-01", "一组", dept);
        Assert.Equal(("BOCD", "金牛支行"), team.ResolveBank()!.Value);
        dept.SetBank("ICBC", "武侯支行");
        Assert.Equal(("ICBC", "武侯支行"), team.ResolveBank()!.Value);
        Assert.Equal(3, team.Level);
        Assert.Null(new Unit("1", "无银行").ResolveBank());
    }

    [Fact]
    public void Units_nest_at_most_three_levels()
    {
        var a = new Unit("a", "A");
        var b = new Unit("b", "B", a);
        var c = new Unit("c", "C", b);
        Assert.Throws<SocialCardDomainException>(() => new Unit("d", "D", c));

        // Which banks a unit may carry is the centre's list, checked where units are written (UnitBankTests).
    }
}
