using System.Globalization;
using System.Security.Cryptography;

namespace SocialCard.Platform.Sms;

/// <summary>Signs every attempt of a provider request (<see cref="SmsRequestSignature"/>): it sits inside the retry
/// handler, so a retried request carries a fresh timestamp and nonce instead of looking like a replay.</summary>
public sealed class SmsSigningHandler(HttpSmsGatewayOptions options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        long timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        string nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        string path = request.RequestUri?.AbsolutePath ?? "/";
        foreach (string header in (string[])[SmsRequestSignature.KeyHeader, SmsRequestSignature.TimestampHeader, SmsRequestSignature.NonceHeader, SmsRequestSignature.SignatureHeader])
        {
            request.Headers.Remove(header);
        }

        request.Headers.Add(SmsRequestSignature.KeyHeader, options.AccessKeyId);
        request.Headers.Add(SmsRequestSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SmsRequestSignature.NonceHeader, nonce);
        request.Headers.Add(SmsRequestSignature.SignatureHeader,
            SmsRequestSignature.Compute(options.AccessKeySecret, timestamp, nonce, request.Method.Method, path, body));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
