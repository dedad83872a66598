using SocialCard.Imaging.Inspection;

namespace SocialCard.Imaging.Tests.Inspection;

public sealed class ContainerInspectorTests
{
    [Fact]
    public void Unknown_bytes_give_unknown_format_and_no_facts()
    {
        ContainerInfo info = ContainerInspector.Inspect("just some text, definitely not a photo"u8);
        Assert.Equal(ImageFormat.Unknown, info.Format);
        Assert.Equal(0, info.Width);
        Assert.False(info.HasEndMarker);
        Assert.Equal(1, info.ExifOrientation);
    }

    [Fact]
    public void Empty_input_is_unknown()
    {
        Assert.Equal(ImageFormat.Unknown, ContainerInspector.Inspect([]).Format);
    }

    [Fact]
    public void Recognised_but_unsupported_formats_report_their_format()
    {
        Assert.Equal(ImageFormat.Gif, ContainerInspector.Inspect("GIF89a\x01\0\x01\0"u8).Format);
    }

    [Fact]
    public void Bare_soi_has_every_structural_warning()
    {
        ContainerInfo info = ContainerInspector.Inspect([0xFF, 0xD8, 0xFF]);
        Assert.Equal(ImageFormat.Jpeg, info.Format);
        Assert.False(info.HasEndMarker);
        Assert.Contains(info.Warnings, w => w.Contains("SOF", StringComparison.Ordinal));
        Assert.Contains(info.Warnings, w => w.Contains("SOS", StringComparison.Ordinal));
    }
}
