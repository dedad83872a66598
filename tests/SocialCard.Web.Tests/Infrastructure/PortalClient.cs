using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>Employer-portal actions over HTTP, the way the browser form does them.</summary>
public static class PortalClient
{
    public static async Task<HttpResponseMessage> UploadZipAsync(HttpClient client, byte[] zip, string fileName = "package.zip")
    {
        string token = FormPost.Token(await client.GetStringAsync("/portal"));
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var part = new ByteArrayContent(zip);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(part, "package", fileName);
        return await client.PostAsync("/portal?handler=Upload", content);
    }

    /// <summary>Uploads and returns the batch id from the redirect.</summary>
    public static async Task<long> UploadAndGetBatchAsync(HttpClient client, byte[] zip)
    {
        HttpResponseMessage response = await UploadZipAsync(client, zip);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        string location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/portal/batches/", location, StringComparison.Ordinal);
        return long.Parse(location["/portal/batches/".Length..].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Polls the batch status until every photo has a verdict; returns the time it took.</summary>
    public static async Task<TimeSpan> WaitForReviewAsync(HttpClient client, long batchId, TimeSpan? timeout = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < (timeout ?? TimeSpan.FromMinutes(4)))
        {
            string json = await client.GetStringAsync($"/portal/batches/{batchId}/status");
            using JsonDocument doc = JsonDocument.Parse(json);
            if (doc.RootElement.GetProperty("complete").GetBoolean())
            {
                return clock.Elapsed;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"batch {batchId} not reviewed in time");
    }
}
