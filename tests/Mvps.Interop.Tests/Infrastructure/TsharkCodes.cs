namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Numbers tshark prints for checksum status and expert severity (epan/proto.h, 4.0).</summary>
internal static class TsharkCodes
{
    public const ulong Bad = 0;
    public const ulong Good = 1;
    public const ulong Unverified = 2;

    public const ulong ExpertWarning = 0x00600000;
    public const ulong ExpertError = 0x00800000;
}
