using System.Runtime.InteropServices;

namespace SocialCard.Imaging.Native;

/// <summary>libheif's <c>struct heif_writer</c>: API version 1 and one write callback.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct HeifWriter
{
    public int WriterApiVersion;
    public delegate* unmanaged<IntPtr, byte*, nuint, IntPtr, HeifError> Write;
}
