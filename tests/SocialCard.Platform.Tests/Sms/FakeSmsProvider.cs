using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocialCard.Platform.Sms;

namespace SocialCard.Platform.Tests.Sms;

/// <summary>
/// A local HTTP server playing the SMS provider: checks each request's signature like a provider would, records what
/// arrived, and answers what the test scripts (<see cref="Next"/>: status, body, delay), else 202 accepted.
/// </summary>
public sealed class FakeSmsProvider : IAsyncDisposable
{
    public const string KeyId = "centre-test";
    public const string Secret = "s3cret-for-tests-only";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeSmsProvider()
    {
        // A free port, then listen on it (retry if another process takes it in between).
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/api/");
            try
            {
                _listener.Start();
                Endpoint = new Uri($"http://127.0.0.1:{port}/api/");
                break;
            }
            catch (HttpListenerException) when (attempt < 3)
            {
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Scripted answers, taken one per request; when empty: 202 {"messageId":"m-N","status":"accepted"}.</summary>
    public ConcurrentQueue<(int Status, string Body, TimeSpan Delay)> Next { get; } = new();

    /// <summary>Every request: method, path, body, whether its signature was valid, its request id.</summary>
    public ConcurrentQueue<(string Method, string Path, string Body, bool SignatureValid, string? RequestId, string? Nonce)> Received { get; } = new();

    /// <summary>Delivery states by message id, for GET messages/{id}.</summary>
    public ConcurrentDictionary<string, string> Delivery { get; } = new(StringComparer.Ordinal);

    /// <summary>Gateway options for this provider. The attempt timeout is generous by default, so a busy machine never
    /// turns a slow first answer into a retry; the timeout test passes its own.</summary>
    public HttpSmsGatewayOptions Options(TimeSpan? attemptTimeout = null) => new()
    {
        Endpoint = Endpoint,
        AccessKeyId = KeyId,
        AccessKeySecret = Secret,
        SignName = "【社保卡中心】",
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30),
        TotalTimeout = TimeSpan.FromSeconds(120),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(50),
    };

    private async Task LoopAsync()
    {
        int sent = 0;
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var reader = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(reader);
                byte[] body = reader.ToArray();
                string path = context.Request.Url!.AbsolutePath;
                string? timestamp = context.Request.Headers[SmsRequestSignature.TimestampHeader];
                string? nonce = context.Request.Headers[SmsRequestSignature.NonceHeader];
                bool valid = context.Request.Headers[SmsRequestSignature.KeyHeader] == KeyId && long.TryParse(timestamp, out long ts)
                    && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - ts) < 300 && nonce is not null
                    && SmsRequestSignature.Matches(SmsRequestSignature.Compute(Secret, ts, nonce, context.Request.HttpMethod, path, body),
                        context.Request.Headers[SmsRequestSignature.SignatureHeader]);
                Received.Enqueue((context.Request.HttpMethod, path, Encoding.UTF8.GetString(body), valid, context.Request.Headers[HttpSmsGateway.RequestIdHeader], nonce));

                (int status, string answer, TimeSpan delay) = (202, $"{{\"messageId\":\"m-{Interlocked.Increment(ref sent)}\",\"status\":\"accepted\"}}", TimeSpan.Zero);
                if (!valid)
                {
                    (status, answer) = (401, "{\"status\":\"rejected\",\"reason\":\"bad signature\"}");
                }
                else if (context.Request.HttpMethod == "GET")
                {
                    string id = path[(path.LastIndexOf('/') + 1)..];
                    (status, answer) = Delivery.TryGetValue(id, out string? state) ? (200, $"{{\"status\":\"{state}\"}}") : (404, "{}");
                }
                else if (Next.TryDequeue(out var scripted))
                {
                    (status, answer, delay) = scripted;
                }

                try
                {
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, _stop.Token);
                    }

                    context.Response.StatusCode = status;
                    context.Response.ContentType = "application/json";
                    byte[] bytes = Encoding.UTF8.GetBytes(answer);
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
                {
                    // The client gave up on this attempt (timeout) or the server is stopping.
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
