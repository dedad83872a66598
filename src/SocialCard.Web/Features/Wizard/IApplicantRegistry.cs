using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Read side of the wizard: people, units and photos on file (Platform storage behind it).</summary>
public interface IApplicantRegistry
{
    Task<RegistryPerson?> FindPersonAsync(IdType idType, string countryCode, string idNumber, CancellationToken cancellationToken);

    /// <summary>Top-level units whose name or code contains <paramref name="query"/>.</summary>
    Task<IReadOnlyList<UnitChoice>> SearchUnitsAsync(string query, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<UnitChoice>> ChildUnitsAsync(long parentId, CancellationToken cancellationToken);

    Task<UnitChoice?> GetUnitAsync(long id, CancellationToken cancellationToken);

    /// <summary>The card photo on file for the person (JPEG), or null.</summary>
    Task<byte[]?> PhotoOnFileAsync(long personId, CancellationToken cancellationToken);
}
