namespace SocialCard.Platform.Domain;

/// <summary>证件类型 / identity document type.</summary>
public enum IdType
{
    /// <summary>居民身份证(户口簿) / PRC resident ID card (household register).</summary>
    ResidentId = 1,

    /// <summary>护照 / passport, with its issuing country.</summary>
    Passport = 2,
}
