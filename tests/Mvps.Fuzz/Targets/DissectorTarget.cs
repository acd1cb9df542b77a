using System.Buffers.Binary;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;

namespace Mvps.Fuzz;

/// <summary>
/// The packet dissector (VLAN and QinQ, Linux SLL and SLL2, null/loopback, raw IPv4/IPv6, IPv6 extension
/// headers) on its own. An input that starts with a pcap or pcapng magic is read as a capture, so that
/// multi-interface pcapng reaches the dissector with each interface's link type; any other input is one
/// record whose first byte picks the link type. Dissecting must not throw, must allocate nothing (the
/// type's promise), and its offsets must lie inside the record; MVPS records then go through the decoder
/// and the fast screen.
/// </summary>
public sealed class DissectorTarget : IFuzzTarget, IDisposable
{
    /// <summary>Every link type the dissector reads, in the order the first byte of a bare record picks them.</summary>
    public static readonly uint[] LinkTypesRead =
        [LinkTypes.Null, LinkTypes.Ethernet, LinkTypes.Raw, LinkTypes.Loop, LinkTypes.LinuxSll, LinkTypes.Ipv4, LinkTypes.Ipv6, LinkTypes.LinuxSll2];

    /// <summary>The capture reader's window (1 MiB) plus decoding slack, as for <see cref="CaptureTarget"/>.</summary>
    public const long AllocationBudget = 16L << 20;

    private readonly FrameAuthenticator _authenticator = FrameAuthenticator.ForProofKey();
    private readonly List<FrameProblem> _problems = [];
    private readonly byte[] _tagScratch = new byte[64];

    public void Check(byte[] input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        if (input.Length >= 4 && IsCaptureMagic(BinaryPrimitives.ReadUInt32LittleEndian(input)))
        {
            try
            {
                using var reader = CaptureReader.Open(new MemoryStream(input, writable: false), "fuzz-input");
                while (reader.TryReadNext(out var record))
                {
                    DissectRecord(record.LinkType, record.Data);
                }
            }
            catch (CaptureFormatException)
            {
                // The reader's documented outcome for a malformed capture.
            }
        }
        else if (input.Length > 0)
        {
            DissectRecord(LinkTypesRead[input[0] % LinkTypesRead.Length], input.AsSpan(1));
        }

        FuzzFinding.WithinBudget(before, AllocationBudget, $"input of {input.Length} bytes");
    }

    public void Dispose() => _authenticator.Dispose();

    private static bool IsCaptureMagic(uint magic) => magic is CaptureLayout.PcapngBlockTypes.SectionHeader
        or CaptureLayout.PcapFileHeader.MagicMicroseconds or CaptureLayout.PcapFileHeader.MagicMicrosecondsSwapped
        or CaptureLayout.PcapFileHeader.MagicNanoseconds or CaptureLayout.PcapFileHeader.MagicNanosecondsSwapped;

    private void DissectRecord(uint linkType, ReadOnlySpan<byte> data)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var layers = PacketDissector.Dissect(linkType, data);
        FuzzFinding.WithinBudget(before, 0, "dissecting one record");
        RequireConsistent(layers, data.Length);

        if (layers.Class == RecordClass.Mvps)
        {
            _problems.Clear();
            FrameDecoder.TryDecodeCaptured(data, layers, _authenticator, _problems, out _);
            FrameScreen.IsCleanCaptured(data, layers, _authenticator, _tagScratch);
        }
    }

    /// <summary>What every consumer of <see cref="PacketLayers"/> relies on: offsets inside the record, and a class that fits them.</summary>
    private static void RequireConsistent(in PacketLayers layers, int length)
    {
        FuzzFinding.Require(layers.NetworkOffset >= -1 && layers.NetworkOffset <= length, $"network offset {layers.NetworkOffset} outside {length} bytes");
        FuzzFinding.Require(layers.VlanCount <= 2, $"{layers.VlanCount} VLAN tags");
        switch (layers.Class)
        {
            case RecordClass.Mvps or RecordClass.BfdWithoutExtension:
                FuzzFinding.Require(layers.NetworkOffset >= 0 && layers.IpVersion is 4 or 6, "a BFD class without an IP layer");
                FuzzFinding.Require(layers.AddressLength == (layers.IpVersion == 4 ? 4 : 16), $"address length {layers.AddressLength} for IPv{layers.IpVersion}");
                FuzzFinding.Require(layers.AddressOffset >= layers.NetworkOffset && layers.AddressOffset + (2 * layers.AddressLength) <= length, "addresses outside the record");
                FuzzFinding.Require(layers.UdpOffset >= layers.NetworkOffset && layers.PayloadOffset == layers.UdpOffset + 8, $"UDP header at {layers.UdpOffset}, payload at {layers.PayloadOffset}");
                FuzzFinding.Require(layers.PayloadLength >= 24 && layers.PayloadOffset + layers.PayloadLength <= length, $"BFD payload {layers.PayloadOffset}+{layers.PayloadLength} outside {length} bytes");
                FuzzFinding.Require(layers.DestinationPort is 3784 or 4784, $"BFD class for destination port {layers.DestinationPort}");
                break;
            case RecordClass.CapturedTruncated:
                FuzzFinding.Require(layers.CapturedBytes == length && layers.NeededBytes > length, $"truncated with {layers.CapturedBytes} of {layers.NeededBytes} bytes in a {length}-byte record");
                break;
            default:
                FuzzFinding.Require(layers.Ipv4HeaderChecksum == ChecksumState.NotChecked && layers.UdpChecksum == ChecksumState.NotChecked, $"checksums judged for a {layers.Class} record");
                break;
        }
    }
}
