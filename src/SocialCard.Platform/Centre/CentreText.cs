namespace SocialCard.Platform.Centre;

/// <summary>One piece of the centre's identity in both interface languages (bound from configuration).</summary>
public sealed class CentreText
{
    public CentreText()
    {
    }

    public CentreText(string zh, string en)
    {
        Zh = zh;
        En = en;
    }

    public string Zh { get; set; } = "";

    public string En { get; set; } = "";

    /// <summary>The text in the reader's language (Chinese unless <paramref name="english"/>); Chinese when no English is set.</summary>
    public string In(bool english) => english && En.Length > 0 ? En : Zh;
}
