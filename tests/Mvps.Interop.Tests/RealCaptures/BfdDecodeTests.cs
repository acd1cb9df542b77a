using System.Globalization;
using System.Text.Json;
using Mvps.Interop.Tests.Infrastructure;
using static Mvps.Tests.Shared.BfdTestPackets;
using static Mvps.Tests.Shared.Invariant;

namespace Mvps.Interop.Tests.RealCaptures;

/// <summary>
/// Third-party BFD decoded in full: `mvps decode --json` against tshark's stock `bfd.*` and `bfd_echo` fields,
/// record by record, on one pcapng that Wireshark's tools build from BFD Control packets of every state, flag
/// and authentication type (single-hop 3784 and multihop 4784, IPv4 and IPv6, 802.1Q, QinQ, Linux cooked),
/// BFD Echo packets (3785) and the baseline evidence's MVPS frames.
/// </summary>
public sealed class BfdDecodeTests
{
    private const string Password = "s3cret-pw";

    /// <summary>tshark's fields for each record, in this order.</summary>
    private static readonly string[] Fields =
    [
        "frame.number", "ieee8021ad.id", "vlan.id", "ip.src", "ipv6.src", "udp.dstport", "udp.length",
        "bfd.version", "bfd.diag", "bfd.sta", "bfd.flags", "bfd.flags.p", "bfd.flags.f", "bfd.flags.c", "bfd.flags.a",
        "bfd.flags.d", "bfd.flags.m", "bfd.detect_time_multiplier", "bfd.message_length", "bfd.my_discriminator",
        "bfd.your_discriminator", "bfd.desired_min_tx_interval", "bfd.required_min_rx_interval",
        "bfd.required_min_echo_interval", "bfd.auth.type", "bfd.auth.len", "bfd.auth.key", "bfd.auth.seq_num",
        "bfd_echo.packet",
    ];

    /// <summary>The RFC 5880 flag bits (low six bits of the second byte) and tshark's field for each.</summary>
    private static readonly (int Bit, string Field)[] FlagFields =
    [
        (0x20, "bfd.flags.p"), (0x10, "bfd.flags.f"), (0x08, "bfd.flags.c"), (0x04, "bfd.flags.a"), (0x02, "bfd.flags.d"), (0x01, "bfd.flags.m"),
    ];

    /// <summary>The Control packets each control shape carries: a session coming up and going down, every flag, every Auth Type.</summary>
    private static readonly byte[][] ControlPackets =
    [
        Control(0, 1, 0x00, 3, 0x0000_0011, 0, 1_000_000, 1_000_000, 0),
        Control(0, 2, 0x20, 3, 0x0000_0011, 0x4d56_5053, 1_000_000, 1_000_000, 50_000),
        Control(0, 3, 0x10, 5, 0x0000_0011, 0x4d56_5053, 300_000, 300_000, 50_000),
        Control(0, 3, 0x0A, 3, 0xFFFF_FFFF, 0x8000_0000, 100_000, 200_000, 0),
        Control(1, 1, 0x01, 3, 0x0000_0011, 0x4d56_5053, 1_000_000, 1_000_000, 0),
        Control(3, 1, 0x30, 3, 0x0000_0011, 0x4d56_5053, 1_000_000, 1_000_000, 0),
        Control(7, 0, 0x00, 3, 0x0000_0011, 0x4d56_5053, 1_000_000, 1_000_000, 0),
        Authenticated(SimplePassword(2, Password)),
        Control(0, 3, 0x20, 3, 0x0000_0022, 0x4d56_5053, 300_000, 300_000, 0, Keyed(2, 24, 1, 99, 16)),
        Authenticated(Keyed(3, 24, 9, 0xFFFF_FFFE, 16)),
        Authenticated(Keyed(4, 28, 5, 123_456, 20)),
        Control(0, 3, 0x10, 3, 0x0000_0022, 0x4d56_5053, 300_000, 300_000, 0, Keyed(5, 28, 255, 1, 20)),
    ];

    /// <summary>Echo payloads are the sender's own format (here FRR-like and a short one): opaque to the receiver.</summary>
    private static readonly byte[][] EchoPackets =
    [
        [0x01, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01],
        [0x01, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02],
        [0xaa, 0xbb, 0xcc],
    ];

    private const int ControlShapes = 7;
    private const int EchoShapes = 3;

    [ToolFact("text2pcap", "editcap", "mergecap", "tshark")]
    public void Decode_json_gives_every_bfd_control_record_the_fields_tshark_reads_and_classes_echo()
    {
        var capture = Build(new CaptureShapes());
        var rows = Tshark.Fields(capture, Fields);

        var result = MvpsCli.Run("decode", "--json", capture);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Equal(rows.Count, result.Lines.Count);
        Assert.DoesNotContain(Password, result.StandardOutput);
        string[]? mvpsBfdNames = null;
        var classes = new Dictionary<string, int>();
        var authenticated = 0;
        foreach (var (line, row) in result.Lines.Zip(rows))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var where = $"Wireshark no. {row["frame.number"]}: {line}";
            var kind = root.GetProperty("class").GetString()!;
            classes[kind] = classes.GetValueOrDefault(kind) + 1;
            Assert.True(ExpectedClass(row) == kind, where);
            Assert.True(string.Join(',', new[] { row["ieee8021ad.id"], row["vlan.id"] }.Where(v => v.Length > 0))
                == string.Join(',', root.GetProperty("vlan").EnumerateArray().Select(v => v.GetInt32().ToString(CultureInfo.InvariantCulture))), where);
            Assert.True(Address(row["ip.src"] + row["ipv6.src"]) == Address(root.GetProperty("source").GetString()!), where);
            Assert.True(row["udp.dstport"] == root.GetProperty("destinationPort").GetInt32().ToString(CultureInfo.InvariantCulture), where);
            if (kind == "bfd-echo")
            {
                Assert.False(root.TryGetProperty("bfd", out _), where);
                var length = root.GetProperty("payloadLength").GetInt32();
                Assert.True(length == (int)FieldValue.Unsigned(row["udp.length"]) - 8, where);
                Assert.True(length * 2 == row["bfd_echo.packet"].Length, where);
                continue;
            }

            var bfd = root.GetProperty("bfd");
            AssertBfdFields(bfd, row, where);
            authenticated += bfd.TryGetProperty("authentication", out _) ? 1 : 0;

            // The same object, member for member and in the same order, for an MVPS frame and for plain BFD.
            string[] names = [.. bfd.EnumerateObject().Select(p => p.Name).Where(n => n != "authentication")];
            mvpsBfdNames ??= kind == "mvps" ? names : null;
            if (mvpsBfdNames is not null)
            {
                Assert.True(mvpsBfdNames.SequenceEqual(names), where);
            }
        }

        Assert.NotNull(mvpsBfdNames); // the evidence's MVPS frames come first: every record was compared with them
        Assert.Equal(EvidenceFiles.FramesPerCapture, classes["mvps"]);
        Assert.Equal(ControlShapes * ControlPackets.Length, classes["bfd"]);
        Assert.Equal(EchoShapes * EchoPackets.Length, classes["bfd-echo"]);
        Assert.Equal(ControlShapes * 5, authenticated);
    }

    [ToolFact("text2pcap", "editcap", "mergecap", "tshark")]
    public void Verify_counts_echo_apart_and_decode_prints_the_authentication_and_the_echo_length()
    {
        var capture = Build(new CaptureShapes());
        var bfd = Tshark.Matching(capture, "bfd && udp.length != 76").Count;
        var echo = Tshark.Matching(capture, "bfd_echo").Count;
        Assert.Equal(ControlShapes * ControlPackets.Length, bfd);
        Assert.Equal(EchoShapes * EchoPackets.Length, echo);

        var verify = MvpsCli.Run("verify", "--quiet", capture);

        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
        Assert.Equal($"{capture}: OK, {30 + bfd + echo} records: 30 MVPS (1 session), {bfd} BFD without extension, {echo} BFD echo", verify.Lines[0]);

        var decode = MvpsCli.Run("decode", capture);

        Assert.True(decode.ExitCode == 0, decode.StandardOutput + decode.StandardError);
        Assert.Equal(ControlShapes, decode.Lines.Count(l => l.EndsWith(" bfd=Up/NoDiagnostic my=0x00000022 your=0x4d565053 length=52 auth=KeyedSha1/28 key=5 seq=123456", StringComparison.Ordinal)));
        Assert.Equal(ControlShapes, decode.Lines.Count(l => l.EndsWith($" length={24 + 3 + Password.Length} auth=SimplePassword/{3 + Password.Length} key=2", StringComparison.Ordinal)));
        Assert.Equal(2, decode.Lines.Count(l => l.Contains(" bfd-echo ethernet 203.0.113.20:3785 > 203.0.113.20:3785 length=16", StringComparison.Ordinal)));
        Assert.Equal(EchoShapes, decode.Lines.Count(l => l.Contains(" bfd-echo ", StringComparison.Ordinal) && l.EndsWith(" length=3", StringComparison.Ordinal)));
        Assert.DoesNotContain(Password, decode.StandardOutput);
    }

    private static void AssertBfdFields(JsonElement bfd, IReadOnlyDictionary<string, string> row, string where)
    {
        void Same(string field, long value) => Assert.True(FieldValue.Unsigned(row[field]) == (ulong)value, $"{field}: tshark {row[field]}, mvps {value}; {where}");

        Same("bfd.version", bfd.GetProperty("version").GetInt64());
        Same("bfd.diag", bfd.GetProperty("diagnostic").GetInt64());
        Same("bfd.sta", bfd.GetProperty("state").GetInt64());
        var flags = bfd.GetProperty("flags").GetInt32();
        Same("bfd.flags", (bfd.GetProperty("state").GetInt32() << 6) | flags); // tshark's bfd.flags is the whole byte
        foreach (var (bit, field) in FlagFields)
        {
            Same(field, (flags & bit) != 0 ? 1 : 0);
        }

        Same("bfd.detect_time_multiplier", bfd.GetProperty("detectMultiplier").GetInt64());
        Same("bfd.message_length", bfd.GetProperty("length").GetInt64());
        Same("bfd.my_discriminator", bfd.GetProperty("myDiscriminator").GetInt64());
        Same("bfd.your_discriminator", bfd.GetProperty("yourDiscriminator").GetInt64());
        Same("bfd.desired_min_tx_interval", bfd.GetProperty("desiredMinTxUs").GetInt64());
        Same("bfd.required_min_rx_interval", bfd.GetProperty("requiredMinRxUs").GetInt64());
        Same("bfd.required_min_echo_interval", bfd.GetProperty("requiredMinEchoRxUs").GetInt64());
        Assert.True(bfd.GetProperty("stateName").GetString() == new[] { "AdminDown", "Down", "Init", "Up" }[bfd.GetProperty("state").GetInt32()], where);

        var present = bfd.TryGetProperty("authentication", out var authentication);
        Assert.True(present == (row["bfd.auth.type"].Length > 0), $"authentication present: mvps {present}, tshark '{row["bfd.auth.type"]}'; {where}");
        if (!present)
        {
            return;
        }

        Same("bfd.auth.type", authentication.GetProperty("type").GetInt64());
        Same("bfd.auth.len", authentication.GetProperty("length").GetInt64());
        Same("bfd.auth.key", authentication.GetProperty("keyId").GetInt64());
        var sequenced = authentication.TryGetProperty("sequenceNumber", out var sequence);
        Assert.True(sequenced == (row["bfd.auth.seq_num"].Length > 0), where);
        if (sequenced)
        {
            Same("bfd.auth.seq_num", sequence.GetInt64());
        }
    }

    /// <summary>The class tshark's dissection implies: an echo, or a Control packet with or without bytes after its Length.</summary>
    private static string ExpectedClass(IReadOnlyDictionary<string, string> row) =>
        row["bfd_echo.packet"].Length > 0 ? "bfd-echo"
        : row["bfd.version"].Length == 0 ? "none"
        : FieldValue.Unsigned(row["udp.length"]) - 8 > FieldValue.Unsigned(row["bfd.message_length"]) ? "mvps" : "bfd";

    private static string Address(string text) => System.Net.IPAddress.Parse(text).ToString();

    /// <summary>
    /// The evidence baseline, then each shape a minute apart, merged into one pcapng (Ethernet, SLL2 and SLL
    /// interfaces). text2pcap writes the Ethernet/IP/UDP headers; VLAN tags and cooked headers go in front of
    /// the IP packets it wrote.
    /// </summary>
    private static string Build(CaptureShapes shapes)
    {
        string Wrap(string name, byte[][] payloads, string ip, string addresses, string ports, int minute) =>
            shapes.Wrapped(name, payloads, ip, addresses, ports, 0.0, start: I($"2026-05-25T00:{minute:D2}:00."));

        var singleHop = Wrap("single-hop", ControlPackets, "-4", "203.0.113.20,203.0.113.10", "49153,3784", 2);
        var ipv6MultihopWrapped = Wrap("ipv6-multihop-plain", ControlPackets, "-6", "2001:db8::20,2001:db8::10", "49154,4784", 50);
        var echo = Wrap("echo", EchoPackets, "-4", "203.0.113.20,203.0.113.20", "3785,3785", 9);
        string[] parts =
        [
            shapes.Evidence(EvidenceFiles.Baseline),
            singleHop,
            Wrap("multihop", ControlPackets, "-4", "198.51.100.20,203.0.113.10", "49155,4784", 3),
            Wrap("ipv6", ControlPackets, "-6", "2001:db8::20,2001:db8::10", "49156,3784", 4),
            shapes.FromPackets("vlan", [.. CaptureShapes.Records(singleHop).Select(f => CaptureShapes.WithVlanTags(f, 100))], 1, "2026-05-25T00:05:00."),
            shapes.FromPackets("qinq-ipv6-multihop", [.. CaptureShapes.Records(ipv6MultihopWrapped).Select(f => CaptureShapes.WithVlanTags(f, 200, 300))], 1, "2026-05-25T00:06:00."),
            shapes.FromPackets("sll2", [.. CaptureShapes.Records(singleHop).Select(f => CaptureShapes.Behind(f, CaptureShapes.Sll2Header))], 276, "2026-05-25T00:07:00."),
            shapes.FromPackets("sll2-ipv6", [.. CaptureShapes.Records(ipv6MultihopWrapped).Select(f => CaptureShapes.Behind(f, [0x86, 0xdd, .. CaptureShapes.Sll2Header[2..]]))], 276, "2026-05-25T00:08:00."),
            echo,
            Wrap("echo-ipv6", EchoPackets, "-6", "2001:db8::20,2001:db8::20", "3785,3785", 10),
            shapes.FromPackets("echo-sll", [.. CaptureShapes.Records(echo).Select(f => CaptureShapes.Behind(f, CaptureShapes.SllHeader))], 113, "2026-05-25T00:11:00."),
        ];
        return shapes.Merge("bfd.pcapng", "pcapng", parts);
    }
}
