using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mvps.Codec.Wire;

namespace Mvps.Codec.Tests.Hostile;

/// <summary>
/// The verifier's fast path may accept a frame only when the full decoder finds nothing wrong with it, and
/// must accept every such frame (else verify would be slow, not wrong). Checked on valid frames with random
/// edits, with and without the checksums and tag repaired afterwards, so both outcomes are well exercised.
/// </summary>
public sealed class CleanFrameScreenPropertyTests
{
    private static readonly FrameAuthenticator Authenticator = FrameAuthenticator.ForProofKey();

    [Property(MaxTest = 3000)]
    public bool Fast_path_agrees_with_the_decoder(uint tick, byte[] edits, bool repair, int lengthChange)
    {
        var frame = TestFramesForHostile.Valid(tick);
        for (var i = 0; i + 1 < edits.Length && i < 8; i += 2)
        {
            frame[edits[i] % frame.Length] ^= edits[i + 1];
        }

        if (repair)
        {
            Repair(frame);
        }

        var candidate = (lengthChange % 7) switch
        {
            1 => frame[..^1],
            2 => [.. frame, 0],
            _ => frame,
        };

        var problems = new List<FrameProblem>();
        FrameDecoder.TryDecode(candidate, Authenticator, problems, out _);
        var scratch = new byte[FieldLengths.Tag];
        return FrameScreen.IsClean(candidate, Authenticator, scratch) == (problems.Count == 0);
    }

    [Theory]
    [InlineData(FieldLocations.Ipv4Checksum)]
    [InlineData(FieldLocations.UdpChecksum)]
    [InlineData(FieldLocations.Tag)]
    [InlineData(FieldLocations.Magic)]
    public void A_single_flipped_bit_in_a_checked_field_leaves_the_fast_path(int offset)
    {
        var frame = TestFramesForHostile.Valid();
        var scratch = new byte[FieldLengths.Tag];
        Assert.True(FrameScreen.IsClean(frame, Authenticator, scratch));
        frame[offset] ^= 0x01;
        Assert.False(FrameScreen.IsClean(frame, Authenticator, scratch));
    }

    /// <summary>Recomputes both checksums and the tag, as a sender would, so edits to other fields stand alone.</summary>
    private static void Repair(byte[] f)
    {
        Authenticator.ComputeTag(f, f.AsSpan(FieldLocations.Tag, FieldLengths.Tag));
        f[FieldLocations.Ipv4Checksum] = 0;
        f[FieldLocations.Ipv4Checksum + 1] = 0;
        var ip = InternetChecksum.Compute(f.AsSpan(FieldLocations.Ipv4, FieldLengths.Ipv4Header));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(FieldLocations.Ipv4Checksum), ip);
        f[FieldLocations.UdpChecksum] = 0;
        f[FieldLocations.UdpChecksum + 1] = 0;
        var udp = InternetChecksum.ComputeUdp(
            f.AsSpan(FieldLocations.Ipv4Source, FieldLengths.Ipv4Address),
            f.AsSpan(FieldLocations.Ipv4Destination, FieldLengths.Ipv4Address),
            f.AsSpan(FieldLocations.Udp, FieldLengths.UdpTotal));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(FieldLocations.UdpChecksum), udp == 0 ? (ushort)0xFFFF : udp);
    }
}

/// <summary>Capture mode's fast path against <see cref="FrameDecoder.TryDecodeCaptured"/> on damaged VLAN-tagged and IPv6 records.</summary>
public sealed class CapturedFrameScreenPropertyTests
{
    private static readonly FrameAuthenticator Authenticator = FrameAuthenticator.ForProofKey();

    [Property(MaxTest = 3000)]
    public bool Fast_path_agrees_with_the_decoder_in_capture_mode(bool ipv6, byte[] edits, bool repairTag)
    {
        var record = ipv6
            ? Mvps.Codec.Tests.Wire.TestPackets.Ipv6Packet(Mvps.Codec.Tests.Wire.TestPackets.Payload)
            : Mvps.Codec.Tests.Wire.TestPackets.WithVlanTags(Mvps.Codec.Tests.Wire.TestPackets.Frame, 0x8100, 100);
        var linkType = ipv6 ? LinkTypes.Ipv6 : LinkTypes.Ethernet;
        for (var i = 0; i + 1 < edits.Length && i < 6; i += 2)
        {
            record[edits[i] % record.Length] ^= edits[i + 1];
        }

        var layers = PacketDissector.Dissect(linkType, record);
        if (layers.Class != RecordClass.Mvps)
        {
            return true; // not judged: nothing to compare
        }

        if (repairTag && layers.PayloadLength >= FieldLengths.UdpPayload)
        {
            var payload = record.AsSpan(layers.PayloadOffset, FieldLengths.UdpPayload);
            Authenticator.ComputePayloadTag(payload, payload.Slice(PayloadLocations.Tag, FieldLengths.Tag));
            layers = PacketDissector.Dissect(linkType, record);
        }

        var problems = new List<FrameProblem>();
        FrameDecoder.TryDecodeCaptured(record, layers, Authenticator, problems, out _);
        var clean = problems.TrueForAll(p => FrameDecoder.IsChecksumWarning(p.Kind));
        return FrameScreen.IsCleanCaptured(record, layers, Authenticator, new byte[FieldLengths.Tag]) == clean;
    }
}
