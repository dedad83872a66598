using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.WebEncoders;
using SocialCard.Web.Localization;
using SocialCard.Web.Security;
using SocialCard.Web.Security.ApiKeys;

namespace SocialCard.Web.Hosting;

/// <summary>
/// The cross-cutting host set-up every feature relies on: options, localisation, problem details, the three
/// authentication schemes and their policies, rate limits, upload limits, antiforgery, Razor Pages, OpenAPI and
/// the security headers. Features add themselves with their own <c>AddXServices()</c>/<c>MapX()</c>.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string LoginRateLimit = "login";
    public const string ApiRateLimit = "api-key";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddCentre();
        IServiceCollection services = builder.Services;
        services.AddOptions<SiteOptions>().BindConfiguration("Site");
        services.AddOptions<SecurityOptions>().BindConfiguration("Security");
        services.AddOptions<ApiKeyOptions>().BindConfiguration("ApiKeys");
        SecurityOptions security = builder.Configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddUiLocalization();
        // Razor would otherwise write every Chinese character as an &#x...; entity.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = AddBilingualText);

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Portal", AuthPolicies.UnitMember);
            o.Conventions.AllowAnonymousToPage("/Portal/Login");
            o.Conventions.AuthorizeFolder("/Console", AuthPolicies.Staff);
            o.Conventions.AllowAnonymousToPage("/Console/Login");
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".SocialCard.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.AddKnownProxies(security);
        AddAuth(services, security);
        AddRateLimits(services);
        // Sign-in posts: per client address, all accounts together, counted in the database; reading the form is free.
        services.AddPerAddressPostRateLimit<SecurityOptions>(LoginRateLimit, o => (o.LoginPermitsPerMinute, TimeSpan.FromMinutes(1)));

        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = security.MaxUploadBytes;
            o.ValueCountLimit = 2048;
        });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = security.MaxUploadBytes;
            k.AddServerHeader = false;
        });

        services.AddOpenApi("v1", o => o.AddDocumentTransformer<ApiKeyDocumentTransformer>());
        services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        // First: everything after it (throttles, sign-in, HTTPS redirects, logs) sees the real client.
        app.UseKnownProxies();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = StatusFor });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        // A body declared larger than the upload limit is refused before anything reads it (antiforgery included):
        // 413 with the bilingual "too large" page or problem, not a 400 or 500 from a half-read form.
        long maxUpload = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.MaxUploadBytes;
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > maxUpload)
            {
                // The status page re-runs this request: with no body left, nothing there tries to read the form.
                context.Request.Body = Stream.Null;
                context.Request.ContentLength = 0;
                context.Request.ContentType = null;
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await next(context);
        });
        app.UseCentreChannels();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
        }

        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/healthz");
        return app;
    }

    /// <summary>An upload over the request or form size limit is 413 (with the bilingual "too large" text), not 500.</summary>
    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException form when form.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static void AddAuth(IServiceCollection services, SecurityOptions security)
    {
        services.AddSingleton<ApiKeyStore>();
        services.AddAuthentication()
            .AddCookie(AuthSchemes.Unit, o =>
            {
                o.Cookie.Name = AuthSchemes.UnitCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/portal/login";
                o.LogoutPath = "/portal/logout";
                o.AccessDeniedPath = "/error/403";
                o.ExpireTimeSpan = security.SessionIdle;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
            })
            .AddCookie(AuthSchemes.Staff, o =>
            {
                o.Cookie.Name = AuthSchemes.StaffCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/console/login";
                o.LogoutPath = "/console/logout";
                o.AccessDeniedPath = "/error/403";
                o.ExpireTimeSpan = security.SessionIdle;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.UnitMember, p => p
                .AddAuthenticationSchemes(AuthSchemes.Unit)
                .RequireAuthenticatedUser()
                .RequireClaim(SocialCardClaims.UnitCode))
            .AddPolicy(AuthPolicies.UnitAdmin, p => p
                .AddAuthenticationSchemes(AuthSchemes.Unit)
                .RequireAuthenticatedUser()
                .RequireClaim(SocialCardClaims.UnitCode)
                .RequireRole(nameof(SocialCard.Platform.Domain.UnitAccountRole.UnitAdmin)))
            .AddPolicy(AuthPolicies.Staff, p => p
                .AddAuthenticationSchemes(AuthSchemes.Staff)
                .RequireAuthenticatedUser()
                .RequireClaim(SocialCardClaims.StaffLogin))
            .AddPolicy(AuthPolicies.Reviewer, p => p
                .AddAuthenticationSchemes(AuthSchemes.Staff)
                .RequireClaim(SocialCardClaims.StaffLogin)
                .RequireRole(StaffRoles.Reviewer, StaffRoles.Admin))
            .AddPolicy(AuthPolicies.Operator, p => p
                .AddAuthenticationSchemes(AuthSchemes.Staff)
                .RequireClaim(SocialCardClaims.StaffLogin)
                .RequireRole(StaffRoles.CardOperator, StaffRoles.Admin))
            .AddPolicy(AuthPolicies.Counter, p => p
                .AddAuthenticationSchemes(AuthSchemes.Staff)
                .RequireClaim(SocialCardClaims.StaffLogin)
                .RequireRole(StaffRoles.Clerk, StaffRoles.Admin))
            .AddPolicy(AuthPolicies.Auditor, p => p
                .AddAuthenticationSchemes(AuthSchemes.Staff)
                .RequireClaim(SocialCardClaims.StaffLogin)
                .RequireRole(StaffRoles.Auditor, StaffRoles.Admin))
            .AddPolicy(AuthPolicies.Admin, p => p
                .AddAuthenticationSchemes(AuthSchemes.Staff)
                .RequireClaim(SocialCardClaims.StaffLogin)
                .RequireRole(StaffRoles.Admin))
            .AddPolicy(AuthPolicies.Integrator, p => p
                .AddAuthenticationSchemes(AuthSchemes.ApiKey)
                .RequireAuthenticatedUser()
                .RequireClaim(SocialCardClaims.ApiKeyName));
    }

    private static void AddRateLimits(IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, token) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "problem.ratelimited");
            };

            // Integrators: one token bucket per key, sized from that key's configuration.
            o.AddPolicy(ApiRateLimit, context =>
            {
                string? keyName = context.User.FindFirst(SocialCardClaims.ApiKeyName)?.Value;
                if (keyName is null)
                {
                    return RateLimitPartition.GetFixedWindowLimiter(
                        "anonymous:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
                }

                int perMinute = Math.Max(1, context.RequestServices.GetRequiredService<ApiKeyStore>().FindByName(keyName)?.PermitsPerMinute ?? 60);
                return RateLimitPartition.GetTokenBucketLimiter("key:" + keyName, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = Math.Max(1, perMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
    }

    /// <summary>Framework-made problems (404, 413, 500...) get the same bilingual shape as ours.</summary>
    private static void AddBilingualText(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Extensions.ContainsKey("code"))
        {
            return;
        }

        int status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var built = ApiProblems.Build(context.HttpContext, status, ApiProblems.KeyFor(status));
        context.ProblemDetails.Title = built.Title;
        foreach (KeyValuePair<string, object?> pair in built.Extensions)
        {
            context.ProblemDetails.Extensions[pair.Key] = pair.Value;
        }

        if (context.Exception is not null)
        {
            context.ProblemDetails.Detail = null; // never leak exception text to callers
        }
    }
}
