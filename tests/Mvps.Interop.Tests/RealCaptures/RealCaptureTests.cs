using System.Globalization;
using System.Text.Json;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.RealCaptures;

/// <summary>
/// `mvps verify`, `decode` and `diff` on the shapes operators really capture, each built by Wireshark's own
/// tools (<see cref="CaptureShapes"/>), with tshark as the oracle for what is in the file.
/// </summary>
public sealed class RealCaptureTests
{
    private const string Baseline = EvidenceFiles.Baseline;
    private const string Ddos = EvidenceFiles.Ddos;

    /// <summary>Each test's own folder of shapes (xunit makes a new instance for every test).</summary>
    private readonly CaptureShapes _shapes = new();

    /// <summary>Shape name, and the verdict line's counts after "OK, ".</summary>
    public static TheoryData<string, string> Shapes => new()
    {
        { "mixed", "61 records: 30 MVPS (1 session), 30 BFD without extension, 1 ARP" },
        { "vlan", "30 records: 30 MVPS (1 session)" },
        { "qinq", "30 records: 30 MVPS (1 session)" },
        { "sll", "30 records: 30 MVPS (1 session)" },
        { "sll2", "30 records: 30 MVPS (1 session)" },
        { "raw", "30 records: 30 MVPS (1 session)" },
        { "raw-ipv4", "30 records: 30 MVPS (1 session)" },
        { "raw-ipv6", "30 records: 30 MVPS (1 session)" },
        { "ipv6-multihop", "30 records: 30 MVPS (1 session)" },
        { "pcapng-ethernet-and-sll", "60 records: 60 MVPS (1 session)" },
        { "pcapng", "30 records: 30 MVPS (1 session)" },
        { "nanoseconds", "30 records: 30 MVPS (1 session)" },
    };

    [ToolTheory("text2pcap", "editcap", "mergecap", "tshark")]
    [MemberData(nameof(Shapes))]
    public void Each_shape_verifies_with_the_right_counts_and_tshark_sees_the_same_bfd_packets(string shape, string counts)
    {
        var capture = Build(_shapes, shape);

        var result = MvpsCli.Run("verify", "--quiet", capture);

        Assert.True(result.ExitCode == 0, $"{shape}: exit {result.ExitCode}\n{result.StandardOutput}{result.StandardError}");
        Assert.Equal($"{capture}: OK, {counts}", result.Lines[0]);
        var mvps = int.Parse(counts.Split(": ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        var bfd = counts.Contains("BFD without extension", StringComparison.Ordinal) ? 30 : 0;
        Assert.Equal(mvps + bfd, Tshark.Matching(capture, "udp.dstport == 3784 || udp.dstport == 4784").Count);
        Assert.Equal(mvps, Tshark.Matching(capture, "bfd && udp.length == 76").Count);
    }

    [ToolTheory("text2pcap", "editcap", "mergecap", "tshark")]
    [MemberData(nameof(Shapes))]
    public void Flipping_one_tag_bit_fails_and_names_the_frame_tshark_numbers(string shape, string counts)
    {
        _ = counts;
        var capture = _shapes.WithFirstTagBitFlipped(Build(_shapes, shape));
        var wiresharkNumber = Tshark.Matching(capture, "udp.length == 76").First();

        var result = MvpsCli.Run("verify", "--quiet", capture);

        Assert.True(result.ExitCode == 1, $"{shape}: exit {result.ExitCode}\n{result.StandardOutput}{result.StandardError}");
        Assert.Contains($"FAILED, ", result.Lines[0]);
        Assert.Contains(result.Lines, l => l.Contains($"(Wireshark no. {wiresharkNumber}, ", StringComparison.Ordinal) && l.Contains("HMAC tag mismatch", StringComparison.Ordinal));
        Assert.Single(result.Lines, l => l.Contains("HMAC tag mismatch", StringComparison.Ordinal));
    }

    [ToolFact("text2pcap", "editcap", "tshark")]
    public void Ttl_254_on_port_3784_fails_naming_the_frame()
    {
        var capture = _shapes.FromFrames("ttl254", Baseline, 228, f =>
        {
            var ip = CaptureShapes.Behind(f, []);
            if (f[EvidenceFiles.UdpPayloadOffset + 38] == 0x03 && f[EvidenceFiles.UdpPayloadOffset + 39] == 0xec) // tick 1004
            {
                ip[8] = 254;
            }

            return ip;
        });
        Assert.Equal([5], Tshark.Matching(capture, "ip.ttl == 254"));

        var result = MvpsCli.Run("verify", "--quiet", capture);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Lines, l => l.Contains("frame 4 (Wireshark no. 5, ", StringComparison.Ordinal) && l.Contains("TTL 254, single-hop BFD requires 255", StringComparison.Ordinal));
        // The TTL is under the IPv4 header checksum: that mismatch is a counted warning, not a second failure.
        Assert.Contains("1 with problems, 1 problem(s); 1 checksum warning(s)", result.Lines[0]);
    }

    [ToolFact("text2pcap", "editcap")]
    public void A_capture_of_only_arp_verifies_nothing_and_exits_1()
    {
        var capture = _shapes.Arp("arp", 4);

        var result = MvpsCli.Run("verify", "--quiet", capture);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("file: no MVPS frame among 4 records: 4 ARP", result.StandardOutput);
        Assert.DoesNotContain(": OK", result.StandardOutput);
    }

    [ToolFact("editcap", "mergecap", "tshark")]
    public void Frames_cut_by_the_snap_length_are_counted_not_verified_and_fail_strict()
    {
        var evidence = _shapes.Evidence(Baseline);
        var cut = _shapes.Editcap("cut.pcap", ["-F", "pcap", "-r", "-s", "64"], evidence, "1-10");
        var rest = _shapes.Editcap("rest.pcap", ["-F", "pcap"], evidence, "1-10");
        var some = _shapes.Merge("some-cut.pcap", "pcap", cut, rest);
        Assert.Equal(10, Tshark.Matching(some, "frame.cap_len < frame.len").Count);

        var result = MvpsCli.Run("verify", "--quiet", some);
        Assert.True(result.ExitCode == 0, result.StandardOutput);
        Assert.Equal($"{some}: OK, 30 records: 20 MVPS (1 session), 10 captured truncated (cannot verify, captured 64 of 110 bytes)", result.Lines[0]);

        var strict = MvpsCli.Run("verify", "--quiet", "--strict", some);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("truncated frame: 64 bytes, a frame has 110", strict.StandardOutput);

        var all = _shapes.Editcap("all-cut.pcap", ["-F", "pcap", "-s", "64"], evidence);
        var none = MvpsCli.Run("verify", "--quiet", all);
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no MVPS frame among 30 records: 30 captured truncated (cannot verify, captured 64 of 110 bytes)", none.StandardOutput);
    }

    [ToolFact("text2pcap", "editcap", "mergecap")]
    public void Checksums_broken_by_offload_are_warnings_and_fail_strict()
    {
        var capture = _shapes.FromFrames("offload", Baseline, 1, f =>
        {
            byte[] copy = [.. f];
            copy[40] = 0xde; // UDP checksum as a sending host with offload shows it: not yet filled in
            copy[41] = 0xad;
            return copy;
        });

        var result = MvpsCli.Run("verify", "--quiet", capture);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"{capture}: OK, 30 records: 30 MVPS (1 session); 30 checksum warning(s)", result.Lines[0]);

        var strict = MvpsCli.Run("verify", "--quiet", "--strict", capture);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("bad UDP checksum 0xdead", strict.StandardOutput);
    }

    [ToolFact("text2pcap", "editcap", "mergecap", "tshark")]
    public void Decode_json_gives_class_vlan_addresses_and_discriminator_as_tshark_reads_them()
    {
        var capture = _shapes.Merge("decode.pcap", "pcap", Build(_shapes, "qinq"), _shapes.PeerBfd("peer", Baseline), _shapes.Arp("arp1"));
        foreach (var (root, row) in DecodedBesideTshark(capture, ["ieee8021ad.id", "vlan.id", "ip.src", "ip.ttl", "bfd.my_discriminator", "udp.length"]))
        {
            var kind = root.GetProperty("class").GetString()!;
            Assert.Equal(row["udp.length"] switch { "76" => "mvps", "32" => "bfd", _ => "arp" }, kind);
            // tshark names the outer 802.1ad tag ieee8021ad.id and the inner 802.1Q tag vlan.id.
            Assert.Equal(string.Join(',', new[] { row["ieee8021ad.id"], row["vlan.id"] }.Where(v => v.Length > 0)), string.Join(',', root.GetProperty("vlan").EnumerateArray().Select(v => v.GetInt32().ToString(CultureInfo.InvariantCulture))));
            if (kind == "arp")
            {
                continue;
            }

            Assert.Equal(row["ip.src"], root.GetProperty("source").GetString());
            Assert.Equal(row["ip.ttl"], root.GetProperty("hopLimit").GetInt32().ToString(CultureInfo.InvariantCulture));
            if (kind == "mvps")
            {
                Assert.Equal(Convert.ToUInt32(row["bfd.my_discriminator"], 16), root.GetProperty("bfd").GetProperty("myDiscriminator").GetUInt32());
                Assert.Empty(root.GetProperty("problems").EnumerateArray());
            }
        }
    }

    [ToolFact("text2pcap", "editcap", "mergecap")]
    public void Standard_input_is_read_by_verify_decode_and_diff()
    {
        var mixed = Build(_shapes, "mixed");
        var pcapng = Build(_shapes, "pcapng-ethernet-and-sll");
        var evidence = _shapes.Evidence(Baseline);

        var verify = ExternalProgram.Run("sh", ["-c", $"cat '{mixed}' | mvps verify -"], pathPrefix: MvpsCli.ShimDirectory);
        Assert.Equal(0, verify.ExitCode);
        Assert.Equal("-: OK, 61 records: 30 MVPS (1 session), 30 BFD without extension, 1 ARP", verify.Lines[0]);

        var verifyNg = ExternalProgram.Run("sh", ["-c", $"cat '{pcapng}' | mvps verify --threads 2 -"], pathPrefix: MvpsCli.ShimDirectory);
        Assert.Equal(0, verifyNg.ExitCode);
        Assert.Equal("-: OK, 60 records: 60 MVPS (1 session)", verifyNg.Lines[0]);

        var decode = ExternalProgram.Run("sh", ["-c", $"cat '{mixed}' | mvps decode -"], pathPrefix: MvpsCli.ShimDirectory);
        Assert.Equal(0, decode.ExitCode);
        Assert.Equal(61, decode.Lines.Count);
        Assert.Equal(30, decode.Lines.Count(l => l.Contains(" mvps ethernet 203.0.113.10:49152 > 203.0.113.20:3784 ok", StringComparison.Ordinal)));
        Assert.Equal(30, decode.Lines.Count(l => l.Contains(" bfd ethernet 203.0.113.20:49153 > 203.0.113.10:3784 bfd=Up/", StringComparison.Ordinal)));

        var diff = ExternalProgram.Run("sh", ["-c", $"cat '{mixed}' | mvps diff '{evidence}' -"], pathPrefix: MvpsCli.ShimDirectory);
        Assert.True(diff.ExitCode == 0, diff.StandardOutput);
        Assert.Contains("same MVPS frames: 30 MVPS frames", diff.StandardOutput);
        Assert.Contains("the captures differ in encapsulation or other traffic", diff.StandardOutput);
    }

    [ToolFact("text2pcap", "editcap", "mergecap")]
    public void Diff_compares_by_session_and_tick_across_encapsulations_and_names_a_changed_field()
    {
        var evidence = _shapes.Evidence(Ddos);
        var sll = _shapes.FromFrames("sll-ddos", Ddos, 113, f => CaptureShapes.Behind(f, CaptureShapes.SllHeader));

        var same = MvpsCli.Run("diff", evidence, sll);
        Assert.True(same.ExitCode == 0, same.StandardOutput);
        Assert.Contains("mvps ethernet != mvps sll", same.StandardOutput);

        var bytes = File.ReadAllBytes(sll);
        var magic = bytes.AsSpan().LastIndexOf("COHE"u8);
        bytes[magic + 8 + 3] ^= 0x01; // the last frame's phi (4 bytes after the tick, which follows the magic)
        File.WriteAllBytes(sll, bytes);

        var changed = MvpsCli.Run("diff", evidence, sll);
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("MVPS frame 29 (records 29 and 29)", changed.StandardOutput);
        Assert.Contains("mvps.phi_ns (payload offset 40)", changed.StandardOutput);
    }

    [ToolFact("text2pcap", "editcap", "mergecap", "tshark", "capinfos")]
    public void A_pcapng_with_an_ethernet_ns_interface_and_an_sll_us_interface_is_read_per_interface()
    {
        var capture = Build(_shapes, "pcapng-ethernet-and-sll");
        var interfaces = ExternalProgram.Run("capinfos", "-I", capture).AssertSuccess().StandardOutput;
        Assert.Contains("Encapsulation = Ethernet", interfaces);
        Assert.Contains("Encapsulation = Linux cooked-mode capture v1", interfaces);
        Assert.Contains("Time precision = nanoseconds", interfaces);
        Assert.Contains("Time precision = microseconds", interfaces);

        foreach (var (root, row) in DecodedBesideTshark(capture, ["frame.interface_id", "frame.time_epoch"]))
        {
            Assert.Equal(row["frame.interface_id"] == "0" ? "ethernet" : "sll", root.GetProperty("linkTypeName").GetString());
            var epoch = row["frame.time_epoch"];
            Assert.Equal(epoch[..epoch.IndexOf('.', StringComparison.Ordinal)], root.GetProperty("timestampSeconds").GetInt64().ToString(CultureInfo.InvariantCulture));
            Assert.Equal(epoch[(epoch.IndexOf('.', StringComparison.Ordinal) + 1)..][..6], root.GetProperty("timestampMicroseconds").GetInt64().ToString("D6", CultureInfo.InvariantCulture));
        }
    }

    [ToolFact("text2pcap", "editcap", "mergecap", "tshark")]
    public void A_frame_captured_twice_in_a_row_is_a_counted_copy_but_fails_strict()
    {
        var twice = _shapes.Merge("twice.pcap", "pcap", _shapes.Evidence(Baseline), _shapes.Evidence(Baseline));
        Assert.Equal(60, Tshark.Matching(twice, "udp.dstport == 3784").Count);

        var result = MvpsCli.Run("verify", "--quiet", twice);

        Assert.True(result.ExitCode == 0, result.StandardOutput);
        Assert.Equal($"{twice}: OK, 60 records: 60 MVPS (1 session); 30 duplicate copies: the same MVPS frame captured twice in a row (one interface seen from two capture points)", result.Lines[0]);
        Assert.Contains(": 30 frames, ticks 1000..1029, 0 lost", result.Lines[1]);
        var strict = MvpsCli.Run("verify", "--quiet", "--strict", twice);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("tick 1000 does not follow tick 1000: ticks must increase", strict.StandardOutput);
    }

    /// <summary>
    /// Each line of `mvps decode --json` on <paramref name="capture"/> beside tshark's <paramref name="fields"/> of the
    /// same record; decode must exit 0 with one line for every record tshark reads.
    /// </summary>
    private static List<(JsonElement Decoded, IReadOnlyDictionary<string, string> Tshark)> DecodedBesideTshark(string capture, string[] fields)
    {
        var rows = Tshark.Fields(capture, fields);
        var result = MvpsCli.Run("decode", "--json", capture);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(rows.Count, result.Lines.Count);
        return [.. result.Lines.Zip(rows, (line, row) => (JsonDocument.Parse(line).RootElement.Clone(), row))];
    }

    internal static string Build(CaptureShapes shapes, string shape) => shape switch
    {
        "mixed" => shapes.Merge("mixed.pcap", "pcap", shapes.Evidence(Baseline), shapes.PeerBfd("peer", Baseline), shapes.Arp("arp")),
        "vlan" => shapes.FromFrames("vlan", Baseline, 1, f => CaptureShapes.WithVlanTags(f, 100)),
        "qinq" => shapes.FromFrames("qinq", Baseline, 1, f => CaptureShapes.WithVlanTags(f, 200, 100)),
        "sll" => shapes.FromFrames("sll", Baseline, 113, f => CaptureShapes.Behind(f, CaptureShapes.SllHeader)),
        "sll2" => shapes.FromFrames("sll2", Baseline, 276, f => CaptureShapes.Behind(f, CaptureShapes.Sll2Header)),
        "raw" => shapes.FromFrames("raw", Baseline, 101, f => CaptureShapes.Behind(f, [])),
        "raw-ipv4" => shapes.FromFrames("raw-ipv4", Baseline, 228, f => CaptureShapes.Behind(f, [])),
        "raw-ipv6" => RawIpv6(shapes),
        "ipv6-multihop" => shapes.Wrapped("ipv6-multihop", Payloads(Baseline), "-6", "2001:db8::10,2001:db8::20", "49152,4784", 0.0),
        "pcapng-ethernet-and-sll" => shapes.Merge("two-interfaces.pcapng", "pcapng", shapes.Editcap("baseline-ns.pcap", ["-F", "nsecpcap"], shapes.Evidence(Baseline)),
            shapes.FromFrames("sll-ddos", Ddos, 113, f => CaptureShapes.Behind(f, CaptureShapes.SllHeader), start: "2026-05-25T01:00:00.")),
        "pcapng" => shapes.Editcap("evidence.pcapng", ["-F", "pcapng"], shapes.Evidence(Baseline)),
        "nanoseconds" => shapes.Editcap("evidence-ns.pcap", ["-F", "nsecpcap"], shapes.Evidence(Baseline)),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown shape"),
    };

    private static List<byte[]> Payloads(string capture) =>
        CaptureShapes.EvidenceFrames(capture).Select(f => f[EvidenceFiles.UdpPayloadOffset..]).ToList();

    /// <summary>
    /// text2pcap wraps the payloads in Ethernet/IPv6/UDP with hop limit 32; single-hop BFD needs 255, which a
    /// sender sets (the hop limit is not under the UDP checksum). The IPv6 packets then go under link type 229.
    /// </summary>
    private static string RawIpv6(CaptureShapes shapes)
    {
        var wrapped = shapes.Wrapped("ipv6-wrapped", Payloads(Baseline), "-6", "2001:db8::10,2001:db8::20", "49152,3784", 0.0);
        var packets = CaptureShapes.Records(wrapped).Select(frame =>
        {
            var ip = frame[14..];
            ip[7] = 255;
            return ip;
        }).ToList();
        return shapes.FromPackets("raw-ipv6", packets, 229);
    }
}
