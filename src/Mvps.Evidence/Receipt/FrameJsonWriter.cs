using System.Globalization;
using System.Text.Json;
using Mvps.Codec.Wire;
using Mvps.IO;

namespace Mvps.Evidence.Receipt;

/// <summary>One frame as JSON properties: the receipt's per-frame entry, also what `mvps decode --json` prints.</summary>
public static class FrameJsonWriter
{
    /// <summary>Writes the frame's properties (index, timestamp, hashes, decoded fields) into the open JSON object.</summary>
    /// <param name="json">The writer, inside the frame's object.</param>
    /// <param name="index">The record's zero-based index in its capture.</param>
    /// <param name="seconds">Capture timestamp, seconds since 1970 UTC.</param>
    /// <param name="microseconds">Capture timestamp, microseconds within the second.</param>
    /// <param name="bytes">The frame's bytes.</param>
    public static void WriteProperties(Utf8JsonWriter json, long index, long seconds, uint microseconds, ReadOnlySpan<byte> bytes)
    {
        WriteIndexAndTimestamp(json, index, seconds, microseconds);
        json.WriteNumber("ipIdentification", System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes[FieldLocations.Ipv4Identification..]));
        json.WriteString("ipChecksum", ReceiptWriter.Hex16(bytes, FieldLocations.Ipv4Checksum));
        json.WriteString("udpChecksum", ReceiptWriter.Hex16(bytes, FieldLocations.UdpChecksum));
        WritePayloadProperties(json, bytes[FieldLocations.Bfd..]);
        json.WriteString("frameSha256", Sha256Text.Of(bytes));
    }

    /// <summary>
    /// The record's index and capture timestamp (as text, seconds and microseconds): how every record's entry starts,
    /// an evidence frame's in the receipt and any record's in `mvps decode --json`.
    /// </summary>
    /// <param name="json">The writer, inside the record's object.</param>
    /// <param name="index">The record's zero-based index in its capture.</param>
    /// <param name="seconds">Capture timestamp, seconds since 1970 UTC.</param>
    /// <param name="microseconds">Capture timestamp, microseconds within the second.</param>
    public static void WriteIndexAndTimestamp(Utf8JsonWriter json, long index, long seconds, uint microseconds)
    {
        json.WriteNumber("index", index);
        json.WriteString("timestamp", UtcTimestamp.Format(seconds, microseconds));
        json.WriteNumber("timestampSeconds", seconds);
        json.WriteNumber("timestampMicroseconds", microseconds);
    }

    /// <summary>The BFD packet, the Coherence extension, the tag and the payload's hash, from a 68-byte UDP payload however it was encapsulated.</summary>
    public static void WritePayloadProperties(Utf8JsonWriter json, ReadOnlySpan<byte> payload)
    {
        payload = payload[..FieldLengths.UdpPayload];
        var f = FrameDecoder.ReadPayloadFields(payload);

        WriteBfd(json, payload);

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
        json.WriteString("payloadSha256", Sha256Text.Of(payload));
    }

    /// <summary>
    /// The "bfd" object of any BFD Control packet (at least 24 bytes): the mandatory section, and when the A bit is
    /// set and the packet's Length holds one, the head of the authentication section (never the password or digest).
    /// The same object for an MVPS frame and for a plain BFD packet, so the two compare member by member.
    /// </summary>
    public static void WriteBfd(Utf8JsonWriter json, ReadOnlySpan<byte> packet)
    {
        var bfd = BfdControlPacket.Read(packet);
        json.WriteStartObject("bfd");
        json.WriteNumber("version", bfd.Version);
        json.WriteNumber("diagnostic", (int)bfd.Diagnostic);
        json.WriteString("diagnosticName", bfd.Diagnostic.ToString());
        json.WriteNumber("state", (int)bfd.State);
        json.WriteString("stateName", bfd.State.ToString());
        json.WriteNumber("flags", (int)bfd.Flags);
        json.WriteNumber("detectMultiplier", bfd.DetectMultiplier);
        json.WriteNumber("length", bfd.Length);
        json.WriteNumber("myDiscriminator", bfd.MyDiscriminator);
        json.WriteNumber("yourDiscriminator", bfd.YourDiscriminator);
        json.WriteNumber("desiredMinTxUs", bfd.DesiredMinTxIntervalUs);
        json.WriteNumber("requiredMinRxUs", bfd.RequiredMinRxIntervalUs);
        json.WriteNumber("requiredMinEchoRxUs", bfd.RequiredMinEchoRxIntervalUs);
        if (BfdAuthentication.TryRead(packet, out var authentication))
        {
            json.WriteStartObject("authentication");
            json.WriteNumber("type", (int)authentication.Type);
            json.WriteString("typeName", authentication.Type.ToString());
            json.WriteNumber("length", authentication.Length);
            if (authentication.KeyId is byte keyId)
            {
                json.WriteNumber("keyId", keyId);
            }

            if (authentication.SequenceNumber is uint sequence)
            {
                json.WriteNumber("sequenceNumber", sequence);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteAxis(Utf8JsonWriter json, string name, float value)
    {
        ReceiptWriter.WriteFloat(json, name, value);
        json.WriteString(name + "Bits", "0x" + BitConverter.SingleToUInt32Bits(value).ToString("x8", CultureInfo.InvariantCulture));
    }
}
