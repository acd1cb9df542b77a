using System.Globalization;
using System.Text.Json;
using Mvps.Codec.Wire;
using Mvps.IO;

namespace Mvps.Evidence.Receipt;

/// <summary>One frame as JSON properties: the receipt's per-frame entry, also what `mvps decode --json` prints.</summary>
public static class FrameJsonWriter
{
    public static void WriteProperties(Utf8JsonWriter json, long index, long seconds, uint microseconds, ReadOnlySpan<byte> bytes)
    {
        json.WriteNumber("index", index);
        json.WriteString("timestamp", ReceiptWriter.FormatTimestamp(seconds, microseconds));
        json.WriteNumber("timestampSeconds", seconds);
        json.WriteNumber("timestampMicroseconds", microseconds);
        json.WriteNumber("ipIdentification", System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes[FieldLocations.Ipv4Identification..]));
        json.WriteString("ipChecksum", ReceiptWriter.Hex16(bytes, FieldLocations.Ipv4Checksum));
        json.WriteString("udpChecksum", ReceiptWriter.Hex16(bytes, FieldLocations.UdpChecksum));
        WritePayloadProperties(json, bytes[FieldLocations.Bfd..]);
        json.WriteString("frameSha256", ReceiptWriter.Sha256Hex(bytes));
    }

    /// <summary>The BFD packet, the Coherence extension, the tag and the payload's hash, from a 68-byte UDP payload however it was encapsulated.</summary>
    public static void WritePayloadProperties(Utf8JsonWriter json, ReadOnlySpan<byte> payload)
    {
        payload = payload[..FieldLengths.UdpPayload];
        CoherenceFrame f = FrameDecoder.ReadPayloadFields(payload);

        json.WriteStartObject("bfd");
        json.WriteNumber("version", f.Bfd.Version);
        json.WriteNumber("diagnostic", (int)f.Bfd.Diagnostic);
        json.WriteString("diagnosticName", f.Bfd.Diagnostic.ToString());
        json.WriteNumber("state", (int)f.Bfd.State);
        json.WriteString("stateName", f.Bfd.State.ToString());
        json.WriteNumber("flags", (int)f.Bfd.Flags);
        json.WriteNumber("detectMultiplier", f.Bfd.DetectMultiplier);
        json.WriteNumber("length", f.Bfd.Length);
        json.WriteNumber("myDiscriminator", f.Bfd.MyDiscriminator);
        json.WriteNumber("yourDiscriminator", f.Bfd.YourDiscriminator);
        json.WriteNumber("desiredMinTxUs", f.Bfd.DesiredMinTxIntervalUs);
        json.WriteNumber("requiredMinRxUs", f.Bfd.RequiredMinRxIntervalUs);
        json.WriteNumber("requiredMinEchoRxUs", f.Bfd.RequiredMinEchoRxIntervalUs);
        json.WriteEndObject();

        json.WriteStartObject("mvps");
        json.WriteNumber("extensionVersion", f.ExtensionVersion);
        json.WriteNumber("flags", f.ExtensionFlags);
        json.WriteBoolean("alarm", f.Alarm);
        json.WriteNumber("vantageId", f.VantageId);
        json.WriteNumber("latticePeriodUs", f.LatticePeriodUs);
        json.WriteString("magic", System.Text.Encoding.ASCII.GetString(payload.Slice(PayloadLocations.Magic, FieldLengths.Magic)));
        json.WriteNumber("tick", f.Tick);
        json.WriteNumber("phiNs", f.PhiNanoseconds);
        WriteAxis(json, "c1", f.C1);
        WriteAxis(json, "c2", f.C2);
        WriteAxis(json, "c3", f.C3);
        json.WriteEndObject();

        json.WriteString("tag", LowerHex.Of(payload.Slice(PayloadLocations.Tag, FieldLengths.Tag)));
        json.WriteString("payloadSha256", ReceiptWriter.Sha256Hex(payload));
    }

    private static void WriteAxis(Utf8JsonWriter json, string name, float value)
    {
        ReceiptWriter.WriteFloat(json, name, value);
        json.WriteString(name + "Bits", "0x" + BitConverter.SingleToUInt32Bits(value).ToString("x8", CultureInfo.InvariantCulture));
    }
}
