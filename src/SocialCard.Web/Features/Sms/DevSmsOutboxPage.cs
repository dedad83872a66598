using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialCard.Platform.Security;

namespace SocialCard.Web.Features.Sms;

/// <summary>GET /dev/sms-outbox: the demo's "phone" (the newest messages of the Platform's SMS outbox), newest first;
/// and /dev/sms-outbox.json for scripts; staff sign-in required. Mapped only when <see cref="SmsOptions.EnableDevOutbox"/>
/// allows it.</summary>
public static class DevSmsOutboxPage
{
    private const int Shown = 200;

    public static void MapDevSmsOutbox(this IEndpointRouteBuilder endpoints)
    {
        // Every code sent is readable here: centre staff only, even in the demo.
        RouteGroupBuilder group = endpoints.MapGroup("/dev").RequireAuthorization(SocialCard.Web.Security.AuthPolicies.Staff).ExcludeFromDescription();
        group.MapGet("/sms-outbox", HtmlAsync);
        group.MapGet("/sms-outbox.json", async (SmsOutboxQueries outbox, string? phone, CancellationToken cancellationToken) =>
            TypedResults.Ok(await outbox.LatestAsync(Shown, phone, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<ContentHttpResult> HtmlAsync(SmsOutboxQueries outbox, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>短信发件箱（演示）/ SMS outbox (demo)</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main class=\"wrap\">")
            .Append("<h1>短信发件箱（演示）/ SMS outbox (demo)</h1><p class=\"muted\">演示环境不发送真实短信，验证码显示在这里。/ The demo sends no real SMS; codes appear here.</p>")
            .Append("<table id=\"outbox\"><thead><tr><th>时间 / Time (UTC)</th><th>手机号码 / Phone</th><th>内容 / Text</th></tr></thead><tbody>");
        foreach (SmsOutboxEntry message in await outbox.LatestAsync(Shown, null, cancellationToken).ConfigureAwait(false))
        {
            html.Append("<tr><td>").Append(message.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                .Append("</td><td class=\"phone\">").Append(HtmlEncoder.Default.Encode(message.Phone))
                .Append("</td><td class=\"text\">").Append(HtmlEncoder.Default.Encode(message.Text)).Append("</td></tr>");
        }

        html.Append("</tbody></table></main></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
