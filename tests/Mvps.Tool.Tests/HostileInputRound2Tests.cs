using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mvps.Codec.Tests.Capture;

namespace Mvps.Tool.Tests;

/// <summary>
/// The second round of hostile inputs (issue 14), through the real CLI: timestamps and floats no type can
/// hold, receipts with null or mistyped members, special files where a regular file belongs, names that
/// would split a message, symlinks planted at temporary names, and concurrent runs.
/// </summary>
public sealed class HostileInputRound2Tests
{
    private const int C1Offset = 86;

    // ---- 1. timestamps outside DateTimeOffset's range -------------------------------------------------

    public static TheoryData<string, byte?, long?, ulong, string> Timestamps => new()
    {
        // tsresol 0x80 = 2^-0: ticks are whole seconds.
        { "year 10000", 0x80, null, 253_402_300_800UL, "+10000-01-01T00:00:00.000000Z" },
        { "last second of 9999", 0x80, null, 253_402_300_799UL, "9999-12-31T23:59:59.000000Z" },
        { "year 11476", 0x80, null, 300_000_000_000UL, "+11476-" },
        { "2^62 seconds", 0x80, null, 1UL << 62, "+146138514283-06-19T07:45:04.000000Z" },
        { "if_tsoffset far before year 0", null, -(1L << 62), 5UL, "-146138510344-07-14T16:14:56.000005Z" },
        { "if_tsoffset one second before year 1", 0x80, -62_135_596_801L, 0UL, "0000-12-31T23:59:59.000000Z" },
    };

    [Theory]
    [MemberData(nameof(Timestamps))]
    public void A_timestamp_outside_DateTimeOffset_prints_in_decode_json_and_receipt_checks(string what, byte? tsresol, long? tsoffset, ulong ticks, string expected)
    {
        using var temp = new TempFolder();
        var file = temp.File("ts.pcapng");
        File.WriteAllBytes(file, new PcapngBuilder(bigEndian: false).SectionHeader().InterfaceDescription(tsresol: tsresol, tsoffset: tsoffset)
            .EnhancedPacket(0, ticks, BaselineCapture.FirstFrame()).ToArray());

        var text = MvpsProcess.Run("decode", file);
        AssertNoCrash(what, text, 0);
        Assert.Contains(" " + expected, text.StandardOutput);

        var json = MvpsProcess.Run("decode", "--json", file);
        AssertNoCrash(what, json, 0);
        using (var line = JsonDocument.Parse(json.StandardOutput))
        {
            Assert.StartsWith(expected, line.RootElement.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, MvpsProcess.Run("verify", file).ExitCode);

        // The receipt check renders every frame's entry: it must not throw on the timestamp either.
        var receipt = MvpsProcess.Run("verify", "--receipt", ReceiptListing(temp, "ts.pcapng", [new JsonObject()]), file);
        AssertNoCrash(what, receipt, 1);
        Assert.Contains("the receipt states", receipt.StandardOutput);
    }

    // ---- 2. NaN and infinities in C1..C3 ------------------------------------------------------------

    public static TheoryData<string, int, uint, string> Floats => new()
    {
        { "quiet NaN in C1", 0, 0x7FC00000, "NaN" },
        { "NaN with payload in C2", 1, 0x7FC00001, "NaN" },
        { "signalling NaN in C3", 2, 0x7F800001, "NaN" },
        { "+Infinity in C1", 0, 0x7F800000, "Infinity" },
        { "-Infinity in C3", 2, 0xFF800000, "-Infinity" },
        { "negative NaN in C2", 1, 0xFFC00000, "NaN" },
    };

    [Theory]
    [MemberData(nameof(Floats))]
    public void A_non_finite_coherence_has_a_text_form_and_a_json_form(string what, int axis, uint bits, string text)
    {
        using var temp = new TempFolder();
        var frame = BaselineCapture.FirstFrame();
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(C1Offset + 4 * axis), bits);
        var file = temp.File("float.pcapng");
        File.WriteAllBytes(file, new PcapngBuilder(bigEndian: false).SectionHeader().InterfaceDescription().EnhancedPacket(0, 1_000_000, frame).ToArray());
        var name = "c" + (axis + 1).ToString(CultureInfo.InvariantCulture);

        var decoded = MvpsProcess.Run("decode", file);
        AssertNoCrash(what, decoded, 1); // the tag no longer matches the altered bytes
        Assert.Contains($"C{axis + 1}={text} ", decoded.StandardOutput);

        var json = MvpsProcess.Run("decode", "--json", file);
        AssertNoCrash(what, json, 1);
        using (var line = JsonDocument.Parse(json.StandardOutput))
        {
            var mvps = line.RootElement.GetProperty("mvps");
            Assert.Equal(JsonValueKind.Null, mvps.GetProperty(name).ValueKind);
            Assert.Equal("0x" + bits.ToString("x8", CultureInfo.InvariantCulture), mvps.GetProperty(name + "Bits").GetString());
        }

        var receipt = MvpsProcess.Run("verify", "--receipt", ReceiptListing(temp, "float.pcapng", [new JsonObject()]), file);
        AssertNoCrash(what, receipt, 1);
    }

    // ---- 3. receipts with null or mistyped members, duplicates, and "not a receipt" -----------------

    public static TheoryData<string, Action<JsonObject>, string> Receipts => new()
    {
        { "file null", c => c["file"] = null, "\"file\" is null, not a string" },
        { "file a number", c => c["file"] = 7, "\"file\" is the number 7, not a string" },
        { "file an object", c => c["file"] = new JsonObject(), "\"file\" is an object, not a string" },
        { "bytes null", c => c["bytes"] = null, "\"bytes\" is null" },
        { "bytes a string", c => c["bytes"] = "3804", "\"bytes\" is a string" },
        { "bytes negative", c => c["bytes"] = -1, "\"bytes\" is the number -1" },
        { "bytes a fraction", c => c["bytes"] = 3804.5, "\"bytes\" is the number 3804.5" },
        { "packets null", c => c["packets"] = null, "\"packets\" is null" },
        { "packets past long", c => c["packets"] = JsonNode.Parse("1e30"), "\"packets\" is the number" },
        { "sha256 null", c => c["sha256"] = null, "\"sha256\" is null" },
        { "sha256 an array", c => c["sha256"] = new JsonArray(), "\"sha256\" is an array" },
        { "frames null", c => c["frames"] = null, "\"frames\" is null, not an array" },
        { "frames an object", c => c["frames"] = new JsonObject(), "\"frames\" is an object, not an array" },
        { "a frame null", c => c["frames"]![3] = null, "frame 3 is null, not an object" },
        { "a frame a string", c => c["frames"]![0] = "x", "frame 0 is a string, not an object" },
        { "frameSha256 null", c => c["frames"]![29]!["frameSha256"] = null, "frame 29: \"frameSha256\" is null" },
        { "frameSha256 a boolean", c => c["frames"]![1]!["frameSha256"] = true, "\"frameSha256\" is a boolean" },
    };

    [Theory]
    [MemberData(nameof(Receipts))]
    public void A_receipt_member_of_the_wrong_kind_is_one_malformed_receipt_line(string what, Action<JsonObject> damage, string expected)
    {
        using var temp = new TempFolder();
        var receipt = EvidenceReceipt();
        damage(receipt["captures"]![0]!.AsObject());
        var path = temp.File("r.json");
        File.WriteAllText(path, receipt.ToJsonString());

        var result = MvpsProcess.Run("verify", "--receipt", path, MvpsProcess.Evidence("mvps_baseline.pcap"));

        AssertOneErrorLine(what, result);
        Assert.Contains("malformed receipt", result.StandardError);
        Assert.Contains(expected, result.StandardError);
        Assert.Contains(path, result.StandardError);
    }

    public static TheoryData<string, Func<TempFolder, string>, string> NotReceipts => new()
    {
        { "a folder", t => t.Sub("receipt-folder"), "is a folder, not a regular receipt file" },
        { "an empty file", t => WriteText(t, "empty.json", ""), "empty file, not a receipt" },
        // A receipt is read twice, so a pipe or device is refused before it is opened (a FIFO without a writer would block).
        { "a FIFO", t => Fifo(t, "fifo.json"), "is a FIFO (named pipe); a receipt is read twice (its frame hashes, then its frames beside each capture), so it must be a regular file" },
        { "/dev/zero", _ => "/dev/zero", "is a character device; a receipt is read twice" },
        { "JSON but no captures", t => WriteText(t, "other.json", "[1,2]"), "no \"captures\" array: not an MVPS receipt" },
        { "captures not objects", t => WriteText(t, "odd.json", "{\"captures\":[null]}"), "capture entry 0 is null, not an object" },
        { "text", t => WriteText(t, "text.json", "hello"), "not valid JSON near byte 0: not a receipt" },
    };

    [Theory]
    [MemberData(nameof(NotReceipts))]
    public void Something_that_is_not_a_receipt_says_so(string what, Func<TempFolder, string> make, string expected)
    {
        using var temp = new TempFolder();
        var result = MvpsProcess.Run("verify", "--receipt", make(temp), MvpsProcess.Evidence("mvps_baseline.pcap"));

        AssertOneErrorLine(what, result);
        Assert.Contains(expected, result.StandardError);
        Assert.DoesNotContain("not a capture", result.StandardError);
    }

    [Fact]
    public void A_receipt_listing_a_capture_twice_is_refused()
    {
        using var temp = new TempFolder();
        var receipt = EvidenceReceipt();
        var captures = receipt["captures"]!.AsArray();
        captures.Add(captures[0]!.DeepClone());
        var path = temp.File("twice.json");
        File.WriteAllText(path, receipt.ToJsonString());

        var result = MvpsProcess.Run("verify", "--receipt", path, MvpsProcess.Evidence("mvps_baseline.pcap"));

        AssertOneErrorLine("duplicate entry", result);
        Assert.Contains("capture entry 2 lists mvps_baseline.pcap again", result.StandardError);
    }

    [Fact]
    public void A_receipt_over_the_limit_is_refused_unread()
    {
        using var temp = new TempFolder();
        var path = temp.File("huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength((512L << 20) + 1); // sparse: nothing is written, nothing may be read
        }

        var result = MvpsProcess.Run("verify", "--receipt", path, MvpsProcess.Evidence("mvps_baseline.pcap"));

        AssertOneErrorLine("huge receipt", result);
        Assert.Contains("larger than the 512 MiB limit for a receipt file", result.StandardError);
    }

    // ---- 4. generate --out "" ------------------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Generate_with_an_empty_out_is_a_usage_error(string output)
    {
        var result = MvpsProcess.Run("generate", "--out", output, "--frames", "1");

        AssertOneErrorLine($"--out '{output}'", result);
        Assert.Contains("--out: give the name of a folder", result.StandardError);
    }

    // ---- 5. special files where a regular file is expected -------------------------------------------

    public static TheoryData<string, Func<TempFolder, string>, string> KeyFiles => new()
    {
        // Devices and pipes are read like files, at most limit + 1 bytes (PipeInputTests has pipes with a writer).
        { "/dev/zero", _ => "/dev/zero", "larger than the 1 MiB limit for a key file" },
        { "/dev/null", _ => "/dev/null", "key file is empty" },
        { "a symlink to /dev/zero", t => Link(t, "zero-link", "/dev/zero"), "larger than the 1 MiB limit for a key file" },
        { "a socket", t => Socket(t, "key.sock"), "is a socket, not a key file" },
        { "a sparse 2 GiB file", t => Sparse(t, "big.key", 2L << 30), "larger than the 1 MiB limit for a key file" },
        { "1 MiB + 1 byte", t => Sparse(t, "edge.key", (1 << 20) + 1), "larger than the 1 MiB limit for a key file" },
    };

    [Theory]
    [MemberData(nameof(KeyFiles))]
    public void A_key_file_that_is_not_a_small_regular_file_is_refused(string what, Func<TempFolder, string> make, string expected)
    {
        using var temp = new TempFolder();
        var key = make(temp);
        foreach (var command in new[] { "verify", "decode" })
        {
            var result = MvpsProcess.Run(command, "--key-file", key, MvpsProcess.Evidence("mvps_baseline.pcap"));
            AssertOneErrorLine($"{command} {what}", result);
            Assert.Contains(expected, result.StandardError);
        }
    }

    [Fact]
    public void A_key_file_of_exactly_1_MiB_is_read_and_a_proc_file_reporting_0_bytes_too()
    {
        using var temp = new TempFolder();
        var key = temp.File("exact.key");
        File.WriteAllBytes(key, [.. Enumerable.Repeat((byte)'k', 1 << 20)]);
        var exact = MvpsProcess.Run("verify", "--key-file", key, MvpsProcess.Evidence("mvps_baseline.pcap"));
        Assert.True(exact.ExitCode == 1, exact.StandardError); // readable; the wrong key fails the tags
        Assert.Contains("HMAC tag mismatch", exact.StandardOutput);

        // /proc files report length 0 yet have content: the bounded read does not trust the length.
        var proc = MvpsProcess.Run("verify", "--key-file", "/proc/self/cmdline", MvpsProcess.Evidence("mvps_baseline.pcap"));
        Assert.True(proc.ExitCode == 1, proc.StandardError);
    }

    // ---- 9/10. temporary files: planted symlinks, concurrent and killed runs --------------------------

    [Fact]
    public void Generate_never_writes_through_a_planted_symlink()
    {
        using var temp = new TempFolder();
        var victim = WriteText(temp, "victim", "precious\n");
        var output = temp.Sub("out");
        // The old fixed temporary names, and a link at a final name.
        File.CreateSymbolicLink(Path.Combine(output, ".mvps_baseline.pcap.partial"), victim);
        File.CreateSymbolicLink(Path.Combine(output, ".mvps_pcap_receipt.json.partial"), victim);
        File.CreateSymbolicLink(Path.Combine(output, "mvps_ddos.pcap"), victim);

        var result = MvpsProcess.Run("generate", "--out", output, "-q");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("precious\n", File.ReadAllText(victim));
        foreach (var name in new[] { "mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json" })
        {
            Assert.Null(new FileInfo(Path.Combine(output, name)).LinkTarget);
            Assert.Equal(File.ReadAllBytes(MvpsProcess.Evidence(name)), File.ReadAllBytes(Path.Combine(output, name)));
        }
    }

    [Fact]
    public async Task Concurrent_generates_into_one_folder_each_leave_a_complete_valid_set()
    {
        using var temp = new TempFolder();
        var output = temp.Sub("out");
        string[] args = ["generate", "--out", output, "--frames", "10000", "-q"];
        var runs = await Task.WhenAll(Task.Run(() => MvpsProcess.Run(args)), Task.Run(() => MvpsProcess.Run(args)), Task.Run(() => MvpsProcess.Run(args)));

        foreach (var run in runs)
        {
            Assert.True(run.ExitCode == 0, run.StandardError);
        }

        Assert.Equal(["mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var verify = MvpsProcess.Run("verify", "-q", "--receipt", Path.Combine(output, "mvps_pcap_receipt.json"), Path.Combine(output, "mvps_baseline.pcap"), Path.Combine(output, "mvps_ddos.pcap"));
        Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
    }

    [Fact]
    public void A_temporary_file_left_by_a_killed_run_is_removed_by_the_next_and_a_live_one_is_not()
    {
        using var temp = new TempFolder();
        var output = temp.Sub("out");
        var abandoned = Path.Combine(output, ".mvps_baseline.pcap.0123456789abcdef0123456789abcdef.partial");
        var live = Path.Combine(output, ".mvps_baseline.pcap.fedcba9876543210fedcba9876543210.partial");
        var foreign = Path.Combine(output, ".mvps_baseline.pcap.mine.partial");
        // Empty: it may be a live writer's between its O_EXCL open and its lock, so it is never taken.
        var empty = Path.Combine(output, ".mvps_baseline.pcap.00112233445566778899aabbccddeeff.partial");
        File.WriteAllText(abandoned, "left by a run killed with SIGKILL");
        File.WriteAllBytes(empty, []);
        File.WriteAllText(foreign, "not our pattern");
        Fifo(temp, Path.Combine("out", ".mvps_baseline.pcap.00000000000000000000000000000000.partial"));

        // A record lock (fcntl) over the whole file is what a live run holds on its temporary file until it has
        // renamed it and closed it; it shares the file otherwise, so readers of the final file are never refused.
        using (var liveWriter = new FileStream(live, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read))
        {
            if (OperatingSystem.IsLinux())
            {
                liveWriter.Lock(0, 0); // elsewhere the cleanup does not run at all
            }

            liveWriter.Write("a live run's bytes"u8);
            liveWriter.Flush();
            var result = MvpsProcess.Run("generate", "--out", output, "--regime", "baseline", "-q");
            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.False(File.Exists(abandoned), "the abandoned temporary file is still there");
            Assert.True(File.Exists(live), "a live run's temporary file was removed");
            Assert.True(File.Exists(foreign), "a file outside the pattern was removed");
            Assert.True(File.Exists(empty), "an empty temporary file, possibly a live writer's before its lock, was removed");
        }
    }

    // ---- 11. a capture reached through a symlink ----------------------------------------------------

    [Fact]
    public void Verify_receipt_measures_the_file_a_symlink_names_not_the_link()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("links");
        foreach (var name in new[] { "mvps_baseline.pcap", "mvps_ddos.pcap" })
        {
            File.CreateSymbolicLink(Path.Combine(folder, name), MvpsProcess.Evidence(name));
        }

        var result = MvpsProcess.Run("verify", "--receipt", MvpsProcess.Evidence("mvps_pcap_receipt.json"),
            Path.Combine(folder, "mvps_baseline.pcap"), Path.Combine(folder, "mvps_ddos.pcap"));

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("mvps_ddos.pcap: OK, 30 frames, receipt matches", result.StandardOutput);
    }

    [Fact]
    public void Verify_receipt_refuses_a_capture_it_could_read_only_once()
    {
        using var temp = new TempFolder();
        var fifo = Fifo(temp, "mvps_baseline.pcap");

        var result = MvpsProcess.Run("verify", "--receipt", MvpsProcess.Evidence("mvps_pcap_receipt.json"), fifo);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a FIFO (named pipe); checking it against a receipt needs a regular file", result.StandardError);
    }

    // ---- 12. names with control characters, and huge names ------------------------------------------

    public static TheoryData<string, Func<TempFolder, string[]>> Names => new()
    {
        { "missing capture", t => ["verify", t.File("a\nb.pcap")] },
        { "missing key file", t => ["verify", "--key-file", t.File("key\nfile"), MvpsProcess.Evidence("mvps_baseline.pcap")] },
        { "missing receipt", t => ["verify", "--receipt", t.File("r\r\neceipt.json"), MvpsProcess.Evidence("mvps_baseline.pcap")] },
        { "decode missing", t => ["decode", t.File("x\u001b[2Jy.pcap")] },
        { "diff missing", t => ["diff", MvpsProcess.Evidence("mvps_ddos.pcap"), t.File("d\nd.pcap")] },
        { "generate into a file", t => ["generate", "--out", WriteText(t, "out\nfile", "x")] },
        { "a capture folder", t => ["verify", t.Sub("dir\nname")] },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_name_with_control_characters_stays_on_one_line(string what, Func<TempFolder, string[]> args)
    {
        using var temp = new TempFolder();
        var result = MvpsProcess.Run(args(temp));

        AssertOneErrorLine(what, result);
        Assert.DoesNotContain('\u001b', result.StandardError);
        Assert.DoesNotContain('\r', result.StandardError);
        Assert.Contains("?", result.StandardError);
    }

    [Fact]
    public void A_huge_name_is_cut_in_the_message()
    {
        var name = "/tmp/" + string.Join('/', Enumerable.Repeat(new string('n', 200), 40)); // 8,000+ characters
        var result = MvpsProcess.Run("verify", name);

        AssertOneErrorLine("huge name", result);
        Assert.Contains("characters)", result.StandardError);
        Assert.True(result.StandardError.Length < 600, $"message of {result.StandardError.Length} characters");
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<Socket> OpenSockets = [];

    // ---- helpers ------------------------------------------------------------------------------------

    private static void AssertNoCrash(string what, ProcessResult result, int exitCode)
    {
        Assert.True(result.ExitCode == exitCode, $"{what}: exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.DoesNotContain("Exception", result.StandardError);
    }

    private static void AssertOneErrorLine(string what, ProcessResult result)
    {
        AssertNoCrash(what, result, 2);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static JsonObject EvidenceReceipt() => JsonNode.Parse(File.ReadAllText(MvpsProcess.Evidence("mvps_pcap_receipt.json")))!.AsObject();

    /// <summary>A receipt with one entry for <paramref name="file"/> whose "frames" are the given objects.</summary>
    private static string ReceiptListing(TempFolder temp, string file, JsonNode[] frames)
    {
        var capture = new JsonObject
        {
            ["file"] = file, ["bytes"] = 1, ["packets"] = frames.Length, ["sha256"] = new string('0', 64),
            ["summary"] = new JsonObject(), ["frames"] = new JsonArray(frames),
        };
        foreach (var frame in frames)
        {
            frame["frameSha256"] ??= new string('0', 64);
        }

        var path = temp.File("listing.json");
        File.WriteAllText(path, new JsonObject { ["captures"] = new JsonArray(capture) }.ToJsonString());
        return path;
    }

    private static string WriteText(TempFolder temp, string name, string text)
    {
        File.WriteAllText(temp.File(name), text, new UTF8Encoding(false));
        return temp.File(name);
    }

    private static string Sparse(TempFolder temp, string name, long length)
    {
        using var stream = File.Create(temp.File(name));
        stream.SetLength(length);
        return temp.File(name);
    }

    private static string Link(TempFolder temp, string name, string target)
    {
        File.CreateSymbolicLink(temp.File(name), target);
        return temp.File(name);
    }

    internal static string Fifo(TempFolder temp, string name)
    {
        var path = temp.File(name);
        ExternalProgram.Run("mkfifo", path).AssertSuccess();
        return path;
    }

    private static string Socket(TempFolder temp, string name)
    {
        var path = temp.File(name);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        // .NET unlinks the socket file when the socket closes; the temp folder's deletion ends it instead.
        OpenSockets.Add(socket);
        return path;
    }
}
