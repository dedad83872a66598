using SocialCard.Web.Features.Account;
using SocialCard.Web.Security;

namespace SocialCard.Web.Features.Console;

/// <summary>The signed-in staff member changes their password.</summary>
public sealed class PasswordModel(SignInService signIn) : PasswordChangePageModel(signIn, AuthSchemes.Staff, "/console");
