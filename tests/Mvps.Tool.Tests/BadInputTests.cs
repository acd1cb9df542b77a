namespace Mvps.Tool.Tests;

/// <summary>Unusable input: one clear line on stderr naming the file and the problem, exit 2, never a stack trace.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, Func<TempFolder, string[]>, string> Cases => new()
    {
        { "missing file", t => ["verify", t.File("nope.pcap")], "no such file" },
        { "directory", t => ["verify", t.Path], "is a directory" },
        { "empty file", t => ["verify", Write(t, "empty.pcap", [])], "empty file" },
        { "wrong magic", t => ["verify", Write(t, "text.pcap", "hello, this is not a capture file"u8.ToArray())], "not a pcap or pcapng file" },
        { "header only, truncated", t => ["verify", Write(t, "short.pcap", BaselineCapture.Bytes()[..20])], "" },
        { "truncated record", t => ["verify", Write(t, "cut.pcap", BaselineCapture.Bytes()[..(24 + 126 + 50)])], "truncated" },
        { "absurd capture length", t => ["verify", Write(t, "huge.pcap", WithInclLen(0xFFFFFFFF))], "4294967295" },
        { "non-Ethernet link type under --strict", t => ["verify", "--strict", Write(t, "raw.pcap", WithLinkType(101))], "link type 101" },
        { "missing key file", t => ["verify", Evidence("mvps_baseline.pcap"), "--key-file", t.File("no-key")], "key file not found" },
        { "empty key file", t => ["verify", Evidence("mvps_baseline.pcap"), "--key-file", Write(t, "key", [])], "key file is empty" },
        { "unset key variable", t => ["verify", Evidence("mvps_baseline.pcap"), "--key-env", "MVPS_SURELY_UNSET_VARIABLE"], "not set" },
        { "missing receipt", t => ["verify", Evidence("mvps_baseline.pcap"), "--receipt", t.File("r.json")], "no such file" },
        { "malformed receipt", t => ["verify", Evidence("mvps_baseline.pcap"), "--receipt", Write(t, "r.json", "{ not json"u8.ToArray())], "not valid JSON" },
        { "unknown option", t => ["verify", "--frobnicate"], "frobnicate" },
        { "unknown regime", t => ["generate", "--out", t.Path, "--regime", "chaos"], "chaos" },
        { "zero frames", t => ["generate", "--out", t.Path, "--frames", "0"], "--frames 0" },
        { "decode missing file", t => ["decode", t.File("nope.pcap")], "no such file" },
        { "standard input with a receipt", t => ["verify", "-", "--receipt", Evidence("mvps_pcap_receipt.json")], "not - (standard input)" },
        { "standard input twice", t => ["verify", "-", "-"], "can be given once" },
        { "diff of standard input with itself", t => ["diff", "-", "-"], "only one of the two" },
        { "diff missing file", t => ["diff", Evidence("mvps_ddos.pcap"), t.File("nope.pcap")], "no such file" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exits_2_with_one_line_and_no_stack_trace(string what, Func<TempFolder, string[]> args, string expected) =>
        UsageErrorAssert.RunsToOneLineWithExit2(what, args, expected);

    private static string Evidence(string file) => MvpsProcess.Evidence(file);

    private static string Write(TempFolder temp, string name, byte[] bytes)
    {
        File.WriteAllBytes(temp.File(name), bytes);
        return temp.File(name);
    }

    private static byte[] WithInclLen(uint value)
    {
        var bytes = BaselineCapture.Bytes();
        BitConverter.TryWriteBytes(bytes.AsSpan(24 + 8), value);
        return bytes;
    }

    private static byte[] WithLinkType(uint linkType)
    {
        var bytes = BaselineCapture.Bytes();
        BitConverter.TryWriteBytes(bytes.AsSpan(20), linkType);
        return bytes;
    }
}
