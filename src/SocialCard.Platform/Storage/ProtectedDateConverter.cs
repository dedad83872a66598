using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Storage;

/// <summary>DateOnly <-> AES-GCM cipher bytes of its ISO form (yyyy-MM-dd). Never query on the converted column.</summary>
internal sealed class ProtectedDateConverter(FieldProtector protector) : ValueConverter<DateOnly, byte[]>(
    v => protector.Encrypt(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    v => DateOnly.ParseExact(protector.Decrypt(v), "yyyy-MM-dd", CultureInfo.InvariantCulture)), IProtectedValueConverter;
