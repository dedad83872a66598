using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace SocialCard.Platform.Files;

/// <summary>
/// The store for several nodes: one encrypted object per key in an S3-compatible bucket (AWS S3, Alibaba OSS, MinIO,
/// Ceph and others), under an optional key prefix. Objects are written whole with one PUT, so a reader sees the old
/// or the new object. The bucket must exist (it is the operator's: lifecycle, replication and access live there).
/// </summary>
public sealed class S3FileStore : IFileStore
{
    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly FileCipher _cipher;

    public S3FileStore(IAmazonS3 client, string bucket, string? keyPrefix, FileCipher cipher)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _bucket = bucket;
        _prefix = string.IsNullOrEmpty(keyPrefix) ? string.Empty : FileKey.Validate(keyPrefix.TrimEnd('/')) + "/";
        _cipher = cipher ?? throw new ArgumentNullException(nameof(cipher));
    }

    /// <summary>Keys per listing request (S3's maximum is 1000); smaller in tests to walk continuation pages.</summary>
    internal int ListPageSize { get; init; } = 1000;

    /// <summary>A client for <paramref name="options"/>: path-style addressing for a service URL (what MinIO and most
    /// S3-compatible servers expect), and checksums only where the protocol requires them (not every S3-compatible
    /// server knows the newer flexible checksums).</summary>
    public static AmazonS3Client CreateClient(S3FileStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = options.Timeout,
            MaxErrorRetry = options.MaxErrorRetry,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        FileKey.Validate(key);
        byte[] stored = _cipher.Encrypt(key, content.Span);
        using var body = new MemoryStream(stored, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = _prefix + key,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = "application/octet-stream",
        };
        await _client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        FileKey.Validate(key);
        try
        {
            using GetObjectResponse response = await _client.GetObjectAsync(_bucket, _prefix + key, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream(response.ContentLength > 0 ? (int)Math.Min(response.ContentLength, int.MaxValue) : 0);
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return _cipher.Decrypt(key, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        FileKey.Validate(key);

        // S3's DELETE answers 204 whether or not the object was there: ask first so the result means something.
        try
        {
            await _client.GetObjectMetadataAsync(_bucket, _prefix + key, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await _client.DeleteObjectAsync(_bucket, _prefix + key, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<StoredFile>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        FileKey.ValidatePrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix + prefix, MaxKeys = ListPageSize };
        List<StoredFile> files = [];
        while (true)
        {
            ListObjectsV2Response response = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            foreach (S3Object item in response.S3Objects ?? [])
            {
                string key = item.Key[_prefix.Length..];
                if (FileKey.IsValid(key))
                {
                    long size = Math.Max(0, (item.Size ?? 0) - FileCipher.Overhead);
                    DateTimeOffset modified = item.LastModified is { } at ? new DateTimeOffset(at.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;
                    files.Add(new StoredFile(key, size, modified));
                }
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return files;
    }
}
