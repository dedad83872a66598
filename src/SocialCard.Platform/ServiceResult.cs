using SocialCard.Platform.Domain;

namespace SocialCard.Platform;

/// <summary>A service answer: a value, or the input problems that prevented it (never both).</summary>
public sealed record ServiceResult<T>(T? Value, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Factory helpers for <see cref="ServiceResult{T}"/>.</summary>
public static class ServiceResult
{
    public static ServiceResult<T> Ok<T>(T value) => new(value, []);

    public static ServiceResult<T> Fail<T>(params ValidationError[] errors) => new(default, errors);

    public static ServiceResult<T> Fail<T>(IReadOnlyList<ValidationError> errors) => new(default, errors);
}
