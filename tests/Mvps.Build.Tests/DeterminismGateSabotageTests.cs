using System.Buffers.Binary;

namespace Mvps.Build.Tests;

/// <summary>
/// The gate must be shown to fail, not only to pass: each sabotage of a copy of the evidence is caught
/// by the comparison and named (file, frame, field or line).
/// </summary>
public sealed class DeterminismGateSabotageTests : IDisposable
{
    private static readonly string[] Files = ["mvps_baseline.pcap", "mvps_ddos.pcap", "mvps_pcap_receipt.json"];

    private readonly TempFolder _expected = new();
    private readonly TempFolder _actual = new();

    public DeterminismGateSabotageTests()
    {
        foreach (var name in Files)
        {
            File.Copy(RepositoryRoot.Evidence(name), Path.Combine(_expected.Path, name));
            File.Copy(RepositoryRoot.Evidence(name), Path.Combine(_actual.Path, name));
        }
    }

    public void Dispose()
    {
        _expected.Dispose();
        _actual.Dispose();
    }

    [Fact]
    public void Identical_outputs_pass()
    {
        Assert.Empty(OutputComparison.Compare(_expected.Path, _actual.Path, Files));
    }

    [Fact]
    public void One_float_bit_is_caught_and_named()
    {
        Mutate("mvps_ddos.pcap", bytes => bytes[24 + 3 * 126 + 16 + 89] ^= 0x01); // lowest bit of C1, frame 3

        var difference = Assert.Single(OutputComparison.Compare(_expected.Path, _actual.Path, Files));
        Assert.StartsWith("mvps_ddos.pcap: frame 3: mvps.c1 (frame offset 86)", difference);
    }

    [Fact]
    public void One_timestamp_microsecond_is_caught_and_named()
    {
        Mutate("mvps_baseline.pcap", bytes =>
        {
            var offset = 24 + 5 * 126 + 4; // ts_usec of record 5
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) + 1);
        });

        var difference = Assert.Single(OutputComparison.Compare(_expected.Path, _actual.Path, Files));
        Assert.StartsWith("mvps_baseline.pcap: frame 5: timestamp", difference);
    }

    [Fact]
    public void One_receipt_character_is_caught_with_its_line()
    {
        Mutate("mvps_pcap_receipt.json", bytes =>
        {
            var index = Array.IndexOf(bytes, (byte)'7', 2000);
            bytes[index] = (byte)'8';
        });

        var difference = Assert.Single(OutputComparison.Compare(_expected.Path, _actual.Path, Files));
        Assert.Matches(@"^mvps_pcap_receipt\.json: line \d+: "".*"" != "".*""$", difference);
    }

    [Fact]
    public void An_extra_trailing_newline_is_caught()
    {
        Mutate("mvps_pcap_receipt.json", bytes => File.WriteAllBytes(Path.Combine(_actual.Path, "mvps_pcap_receipt.json"), [.. bytes, (byte)'\n']));

        var difference = Assert.Single(OutputComparison.Compare(_expected.Path, _actual.Path, Files));
        Assert.Contains("trailing newline", difference);
    }

    [Fact]
    public void A_missing_file_is_caught()
    {
        File.Delete(Path.Combine(_actual.Path, "mvps_ddos.pcap"));

        var difference = Assert.Single(OutputComparison.Compare(_expected.Path, _actual.Path, Files));
        Assert.StartsWith("mvps_ddos.pcap: only in", difference);
    }

    private void Mutate(string name, Action<byte[]> change)
    {
        var path = Path.Combine(_actual.Path, name);
        var bytes = File.ReadAllBytes(path);
        change(bytes);
        if (File.ReadAllBytes(path).Length == bytes.Length)
        {
            File.WriteAllBytes(path, bytes);
        }
    }
}
