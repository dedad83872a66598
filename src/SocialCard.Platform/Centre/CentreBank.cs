namespace SocialCard.Platform.Centre;

/// <summary>A card-issuing bank (开户银行) a unit of this centre can choose (bound from configuration,
/// <see cref="CentreOptions.Banks"/>).</summary>
public sealed class CentreBank
{
    public CentreBank()
    {
    }

    public CentreBank(string code, string zh, string en)
    {
        Code = code;
        Zh = zh;
        En = en;
    }

    /// <summary>The code stored on units and applications and sent to the card centre (e.g. "ICBC").</summary>
    public string Code { get; set; } = "";

    public string Zh { get; set; } = "";

    public string En { get; set; } = "";
}
