using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SocialCard.Web.Security.ApiKeys;

namespace SocialCard.Web.Hosting;

/// <summary>Declares the <c>X-Api-Key</c> header scheme in the OpenAPI document and applies it to /api operations.</summary>
public sealed class ApiKeyDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "SocialCard API";
        document.Info.Description = "社保卡照片预审、自动修正、批次提交与制卡状态查询。错误按 RFC 9457 返回，含中英文文本。 / Photo pre-review, auto-fix, batch submission and card status. Errors are RFC 9457 problem details with zh and en text.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyOptions.HeaderName,
            Description = "集成方 API 密钥 / Integrator API key",
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] };
        document.Security ??= [];
        document.Security.Add(requirement);
        return Task.CompletedTask;
    }
}
