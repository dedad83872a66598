using SocialCard.Web.Features.Account;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Portal;

/// <summary>The signed-in unit changes its password.</summary>
public sealed class PasswordModel(SignInService signIn) : PasswordChangePageModel(signIn, AuthSchemes.Unit, "/portal");
