using System.Runtime.InteropServices;

namespace SocialCard.Imaging.Native;

/// <summary>libheif's <c>struct heif_error</c>, returned by value from most calls.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct HeifError
{
    public readonly int Code;
    public readonly int Subcode;
    public readonly IntPtr Message;

    public bool IsOk => Code == 0;

    public string Describe() => $"{Marshal.PtrToStringUTF8(Message) ?? "unknown libheif error"} (code {Code}/{Subcode})";
}
