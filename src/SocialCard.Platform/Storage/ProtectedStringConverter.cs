using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Storage;

/// <summary>string <-> AES-GCM cipher bytes. Never query on the converted column: use the hash column.</summary>
internal sealed class ProtectedStringConverter(FieldProtector protector) : ValueConverter<string, byte[]>(
    v => protector.Encrypt(v),
    v => protector.Decrypt(v)), IProtectedValueConverter;
