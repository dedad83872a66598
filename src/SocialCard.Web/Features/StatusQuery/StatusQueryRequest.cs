namespace SocialCard.Web.Features.StatusQuery;

/// <summary>POST /status/query body: one of the two numbers, and the ID number (required).</summary>
public sealed record StatusQueryRequest(string? SocialSecurityNumber, string? PersonalNumber, string? IdNumber);
