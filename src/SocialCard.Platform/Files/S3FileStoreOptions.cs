namespace SocialCard.Platform.Files;

/// <summary>The S3-compatible bucket of <see cref="FileStoreOptions"/> ("FileStore:S3" section).</summary>
public sealed class S3FileStoreOptions
{
    /// <summary>Endpoint of an S3-compatible service (e.g. <c>https://oss-cn-chengdu.aliyuncs.com</c>,
    /// <c>http://minio:9000</c>); empty = AWS S3 in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = string.Empty;

    /// <summary>Optional folder inside the bucket for this deployment's objects.</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>Access key id; empty = the SDK's default credential chain (environment, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>bucket-in-path URLs (<c>host/bucket/key</c>), which MinIO and most S3-compatible servers expect.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Per-request timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a failed request by the SDK (with back-off).</summary>
    public int MaxErrorRetry { get; set; } = 3;
}
