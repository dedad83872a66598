using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// The insured unit (参保单位) at the time of submission. Platform keeps one unit per person, the current work unit
/// that decides the bank (现今工作单位, which submission moves the person to), and an <c>Application</c> has no unit
/// of its own; so the insured unit shown on the form is written into the submission's audit event
/// (<see cref="AuditActions.ApplicationSubmitted"/>, detail "insured-unit=&lt;id&gt;;work-unit=&lt;id&gt;") and read
/// back from there. A Platform column (Application.InsuredUnitId) would replace this.
/// </summary>
public static class InsuredUnitRecord
{
    private const string Prefix = "insured-unit=";

    public static AuditEvent Event(long applicationId, long? insuredUnitId, long workUnitId, DateTimeOffset at) =>
        new(at, "applicant", AuditActions.ApplicationSubmitted, "application", applicationId.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{Prefix}{insuredUnitId};work-unit={workUnitId}"));

    /// <summary>The insured unit id recorded for the application, or null.</summary>
    public static async Task<long?> FindForApplicationAsync(PlatformDbContext db, long applicationId, CancellationToken cancellationToken)
    {
        string entityId = applicationId.ToString(CultureInfo.InvariantCulture);
        string? detail = await db.AuditEvents
            .Where(e => e.Action == AuditActions.ApplicationSubmitted && e.EntityType == "application" && e.EntityId == entityId)
            .OrderByDescending(e => e.Id).Select(e => e.Detail).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return Parse(detail);
    }

    /// <summary>The insured unit recorded by the person's newest submitted application, or null.</summary>
    public static async Task<long?> FindForPersonAsync(PlatformDbContext db, long personId, CancellationToken cancellationToken)
    {
        long? applicationId = await db.Applications.Where(a => a.PersonId == personId && a.SubmittedAt != null)
            .OrderByDescending(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return applicationId is { } id ? await FindForApplicationAsync(db, id, cancellationToken).ConfigureAwait(false) : null;
    }

    internal static long? Parse(string? detail)
    {
        if (detail is null || !detail.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        int end = detail.IndexOf(';', StringComparison.Ordinal);
        ReadOnlySpan<char> value = detail.AsSpan(Prefix.Length, (end < 0 ? detail.Length : end) - Prefix.Length);
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : null;
    }
}
