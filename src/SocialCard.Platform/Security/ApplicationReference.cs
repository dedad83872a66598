using System.Globalization;

namespace SocialCard.Platform.Security;

/// <summary>
/// The applicant-facing reference of an application ("CD" + 8 digits): the row id through a keyed permutation of the
/// 10^8 references (a four-round Feistel network on two 4-digit halves, round keys from the site's lookup key), so
/// references are unique per id but neither sequential nor guessable from one another, and need no extra column.
/// </summary>
public static class ApplicationReference
{
    private const int Half = 10_000;
    private const long Space = (long)Half * Half;
    private const int Rounds = 4;

    public static string For(long applicationId, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentOutOfRangeException.ThrowIfNegative(applicationId);
        long block = applicationId / Space;
        long value = applicationId % Space;
        int left = (int)(value / Half);
        int right = (int)(value % Half);
        for (int round = 0; round < Rounds; round++)
        {
            byte[] mac = protector.LookupHash(string.Create(CultureInfo.InvariantCulture, $"application-reference|{block}|{round}|{right}"));
            int mixed = (int)(BitConverter.ToUInt32(mac, 0) % Half);
            (left, right) = (right, (left + mixed) % Half);
        }

        string digits = ((long)left * Half + right).ToString("D8", CultureInfo.InvariantCulture);
        return block == 0 ? "CD" + digits : string.Create(CultureInfo.InvariantCulture, $"CD{block}{digits}");
    }
}
