using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Security;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>The same-face comparison in the host: on by default (the face recognition net loaded and handed to every
/// channel's check), off when <c>PhotoCheck:CompareFaces</c> is false (the demo and the shared test sites).</summary>
public sealed class SameFaceHostingTests
{
    [Theory]
    [InlineData(null, true)] // the product's default
    [InlineData("false", false)]
    public void The_pre_review_gets_the_face_recognition_net_unless_turned_off(string? setting, bool loaded)
    {
        using var site = new SiteFactory();
        if (setting is null)
        {
            site.Settings.Remove("PhotoCheck:CompareFaces");
        }
        else
        {
            site.Settings["PhotoCheck:CompareFaces"] = setting;
        }

        Assert.Equal(loaded, site.Services.GetRequiredService<WebPhotoEngine>().Descriptors is not null);
        Assert.Equal(loaded, site.Services.GetRequiredService<SameFaceService>().IsOn);
        Assert.NotNull(site.Services.GetRequiredService<BatchPreReviewJobHandler>());
    }
}
