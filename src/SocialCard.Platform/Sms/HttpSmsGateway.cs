using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Security;

namespace SocialCard.Platform.Sms;

/// <summary>
/// The SMS provider over HTTP, behind <see cref="ISmsGateway"/> (the outbox dispatch job sends through it).
/// <c>POST {endpoint}messages</c> with <c>{"phone","text","sign"}</c>, signed per attempt (<see cref="SmsSigningHandler"/>);
/// 2xx with <c>{"messageId","status":"accepted"}</c> = sent; 400/404/422 or <c>"status":"rejected"</c> = a permanent
/// refusal (bad number, blocked text): false, not retried. Timeouts, 408, 429 and 5xx are retried by the standard
/// resilience pipeline (<see cref="SmsGatewayServiceCollectionExtensions.AddHttpSmsGateway"/>); when every retry fails the
/// exception reaches the job, which retries later with back-off. <c>GET {endpoint}messages/{id}</c> reports delivery.
/// </summary>
public sealed partial class HttpSmsGateway(HttpClient http, HttpSmsGatewayOptions options, ILogger<HttpSmsGateway> logger) : ISmsGateway
{
    public const string RequestIdHeader = "X-Sms-Request-Id";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<bool> SendAsync(string phone, string body, CancellationToken cancellationToken)
    {
        // One request id for the call and all its retries: a provider that saw an attempt whose answer was lost
        // recognises the retry and does not send the text twice.
        using var request = new HttpRequestMessage(HttpMethod.Post, "messages")
        {
            Content = JsonContent.Create(new SendRequest(phone, body, options.SignName), options: Json),
        };
        request.Headers.Add(RequestIdHeader, Guid.NewGuid().ToString("n"));
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            SendAnswer? refusal = await ReadAsync<SendAnswer>(response, cancellationToken).ConfigureAwait(false);
            Refused(logger, PersonalDataMask.Phone(phone), (int)response.StatusCode, refusal?.Reason ?? string.Empty);
            return false;
        }

        response.EnsureSuccessStatusCode(); // 401/403 (our configuration) and what retries could not fix: the job retries later
        SendAnswer? answer = await ReadAsync<SendAnswer>(response, cancellationToken).ConfigureAwait(false);
        if (answer is null || !string.Equals(answer.Status, "accepted", StringComparison.OrdinalIgnoreCase))
        {
            Refused(logger, PersonalDataMask.Phone(phone), (int)response.StatusCode, answer?.Reason ?? answer?.Status ?? "no answer");
            return false;
        }

        Accepted(logger, PersonalDataMask.Phone(phone), answer.MessageId ?? string.Empty);
        return true;
    }

    /// <summary>Asks the provider what became of a message it accepted.</summary>
    public async Task<SmsDeliveryStatus> GetDeliveryStatusAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        using HttpResponseMessage response = await http.GetAsync("messages/" + Uri.EscapeDataString(messageId), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return SmsDeliveryStatus.Unknown;
        }

        response.EnsureSuccessStatusCode();
        StatusAnswer? answer = await ReadAsync<StatusAnswer>(response, cancellationToken).ConfigureAwait(false);
        return answer?.Status?.ToUpperInvariant() switch
        {
            "DELIVERED" => SmsDeliveryStatus.Delivered,
            "PENDING" or "SENT" or "ACCEPTED" => SmsDeliveryStatus.Pending,
            "FAILED" or "UNDELIVERABLE" or "REJECTED" => SmsDeliveryStatus.Failed,
            _ => SmsDeliveryStatus.Unknown,
        };
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "SMS to {Phone} accepted by the provider as {MessageId}")]
    private static partial void Accepted(ILogger logger, string phone, string messageId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "SMS to {Phone} refused by the provider ({Status}): {Reason}")]
    private static partial void Refused(ILogger logger, string phone, int status, string reason);

    private sealed record SendRequest(string Phone, string Text, string Sign);

    private sealed record SendAnswer(
        [property: JsonPropertyName("messageId")] string? MessageId,
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("reason")] string? Reason);

    private sealed record StatusAnswer([property: JsonPropertyName("status")] string? Status);
}
