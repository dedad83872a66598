using System.Globalization;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// The number the wizard's verification code goes to: the mobile phone on file for the person found by the ID number.
/// When there is none (unknown ID number, no phone or no valid mobile on file) a stand-in number is derived from the ID
/// number with the site's keyed hash: the page then looks exactly as for a known person (a masked number, "code
/// sent"), the same ID number always shows the same stand-in, on every node and after a restart, and no code is ever
/// delivered to it. The visitor is told that a changed phone or a missing one is handled at the counter.
/// </summary>
public static class PhoneOnFile
{
    private static readonly string[] Prefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
        "156", "157", "158", "159", "166", "173", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199"];

    /// <summary>The number to send the code to and whether it really is the person's phone on file.</summary>
    public static (string Phone, bool OnFile) For(RegistryPerson? person, IdType idType, string countryCode, string idNumber, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        if (person?.Phone is { } phone && InputRules.MobilePhone(phone) is null)
        {
            return (phone.Trim(), true);
        }

        byte[] hash = protector.LookupHash(string.Create(CultureInfo.InvariantCulture, $"wizard-phone-stand-in|{idType}|{countryCode}|{idNumber}"));
        ulong digits = BitConverter.ToUInt64(hash, 1) % 100_000_000UL;
        return (Prefixes[hash[0] % Prefixes.Length] + digits.ToString("D8", CultureInfo.InvariantCulture), false);
    }
}
