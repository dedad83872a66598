namespace SocialCard.Web.Hosting;

/// <summary>
/// Adds the security headers to every response. The policy allows only same-origin scripts, styles and forms,
/// images also from data:/blob: (thumbnails and upload previews), and no framing.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            IHeaderDictionary headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (response.HttpContext.Request.Path.StartsWithSegments("/portal", StringComparison.OrdinalIgnoreCase)
                || response.HttpContext.Request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase))
            {
                // Personal data: keep it out of shared caches and the back/forward cache of shared PCs.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
