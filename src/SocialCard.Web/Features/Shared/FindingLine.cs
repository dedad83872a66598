using System.Globalization;
using SocialCard.Platform.Domain;
using SocialCard.Web.Features.PhotoCheck;

namespace SocialCard.Web.Features.Shared;

/// <summary>
/// One reason as a clerk reads it: the message in words, and the measured value and limit that only a "详情"
/// disclosure shows.
/// </summary>
public sealed record FindingLine(string Zh, string En, string? Value, string? Limit)
{
    public bool HasDetail => !string.IsNullOrWhiteSpace(Value) || !string.IsNullOrWhiteSpace(Limit);

    public static FindingLine From(PhotoFinding finding) => new(finding.Zh, finding.En, finding.Value, finding.Limit);

    public static FindingLine From(PhotoFindingDto finding) => new(
        finding.Message.Zh,
        finding.Message.En,
        finding.Value switch
        {
            null => null,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString(),
        },
        finding.Limit);
}
