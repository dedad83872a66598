namespace SocialCard.Platform.Storage;

/// <summary>Marks the converters that seal a column with the field key, so <see cref="Security.FieldReencryption"/>
/// finds every protected column in the model.</summary>
internal interface IProtectedValueConverter;
