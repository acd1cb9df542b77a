namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Names and fixed facts of the evidence set (WIRE.md), kept in one place.</summary>
internal static class EvidenceFiles
{
    public const string Baseline = "mvps_baseline.pcap";
    public const string Ddos = "mvps_ddos.pcap";
    public const string Receipt = "mvps_pcap_receipt.json";

    public static readonly string[] Captures = [Baseline, Ddos];

    public const int FramesPerCapture = 30;
    public const int CaptureFileBytes = 3804;
    public const int FrameLength = 110;
    public const int PcapGlobalHeaderLength = 24;
    public const int PcapRecordHeaderLength = 16;

    /// <summary>Frame offsets (WIRE.md).</summary>
    public const int UdpOffset = 34;
    public const int UdpPayloadOffset = 42;
    public const int MagicFrameOffset = 74;
    public const int MagicUdpPayloadOffset = MagicFrameOffset - UdpPayloadOffset;
    public const int MagicIpOffset = MagicFrameOffset - 14;
    public const int TagFrameOffset = 98;
    public const int TagLength = 12;

    public const string MagicHex = "434f4845";
    public const ushort SourcePort = 49152;
    public const ushort DestinationPort = 3784;
}
