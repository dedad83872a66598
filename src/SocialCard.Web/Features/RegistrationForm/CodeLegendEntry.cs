namespace SocialCard.Web.Features.RegistrationForm;

/// <summary>One line of a code table printed as a legend on the form ("10 研究生教育").</summary>
public sealed record CodeLegendEntry(string Code, string Name);
