namespace Mvps.Tool.Tests;

public sealed class VerifyCommandTests
{
    private static readonly string Receipt = MvpsProcess.Evidence("mvps_pcap_receipt.json");

    [Fact]
    public void Committed_evidence_verifies_against_its_receipt()
    {
        var result = MvpsProcess.Run("verify", MvpsProcess.Evidence("mvps_baseline.pcap"), MvpsProcess.Evidence("mvps_ddos.pcap"), "--receipt", Receipt);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("mvps_baseline.pcap: OK, 30 frames, receipt matches", result.StandardOutput);
        Assert.Contains("mvps_ddos.pcap: OK, 30 frames, receipt matches", result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    /// <summary>24-byte file header + 16-byte record header per frame; frame k starts at 24 + k*126 + 16.</summary>
    private static int FrameStart(int frame) => 24 + frame * 126 + 16;

    [Theory]
    [InlineData("mvps_baseline.pcap", 0, 98, "HMAC tag mismatch")]          // tag
    [InlineData("mvps_baseline.pcap", 29, 109, "HMAC tag mismatch")]        // last tag byte of the last frame
    [InlineData("mvps_ddos.pcap", 7, 86, "HMAC tag mismatch")]              // C1 float bit: tag and UDP checksum
    [InlineData("mvps_ddos.pcap", 12, 78, "tick")]                           // tick
    [InlineData("mvps_ddos.pcap", 3, 24, "bad IPv4 header checksum")]       // IP checksum
    [InlineData("mvps_baseline.pcap", 15, 41, "bad UDP checksum")]          // UDP checksum
    [InlineData("mvps_baseline.pcap", 4, 43, "BFD")]                         // BFD state/flags: the A bit
    public void One_flipped_bit_fails_and_names_the_frame(string file, int frame, int offset, string expectedText)
    {
        using var temp = new TempFolder();
        var copy = EvidenceCopy.Edited(temp, file, bytes => bytes[FrameStart(frame) + offset] ^= offset == 43 ? (byte)0x04 : (byte)0x01);

        // --strict keeps the evidence's promise: checksums included (without it they are counted warnings).
        var result = MvpsProcess.Run("verify", "--strict", copy);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAILED", result.StandardOutput);
        Assert.Contains($"frame {frame} (Wireshark no. {frame + 1}, record at file offset {FrameStart(frame) - 16})", result.StandardOutput);
        Assert.Contains(expectedText, result.StandardOutput);
    }

    [Fact]
    public void A_capture_that_differs_from_the_receipt_fails_even_when_self_consistent()
    {
        using var temp = new TempFolder();
        var copy = EvidenceCopy.Edited(temp, "mvps_ddos.pcap", bytes => bytes[24 + 5 * 126 + 3] ^= 0x01); // a timestamp bit of frame 5: frames still verify, the file hash does not

        Assert.Equal(0, MvpsProcess.Run("verify", copy).ExitCode);
        var result = MvpsProcess.Run("verify", copy, "--receipt", Receipt);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("file SHA-256", result.StandardOutput);
    }

    private const string FirstBaselineHash = "6ba296d0d0b8f51577b23fe8ead5bedc602504e3cbb37c1c369238a48a04dd4c";

    [Theory]
    [InlineData("7" + "ba296d0d0b8f51577b23fe8ead5bedc602504e3cbb37c1c369238a48a04dd4c", 1, "frame SHA-256 " + FirstBaselineHash + " differs from the receipt's 7ba296d0")]
    [InlineData("6BA296D0D0B8F51577B23FE8EAD5BEDC602504E3CBB37C1C369238A48A04DD4C", 1, "frame SHA-256 " + FirstBaselineHash + " differs from the receipt's 6BA296D0D0B8F51577B23FE8EAD5BEDC602504E3CBB37C1C369238A48A04DD4C")]
    [InlineData("6ba2", 1, "frame SHA-256 " + FirstBaselineHash + " differs from the receipt's 6ba2\n")]
    [InlineData("\\u0036ba296d0d0b8f51577b23fe8ead5bedc602504e3cbb37c1c369238a48a04dd4c", 0, "mvps_baseline.pcap: OK, 30 frames, receipt matches")]
    public void A_frame_hash_in_the_receipt_is_compared_as_the_text_it_states(string stated, int exitCode, string expected)
    {
        // The hashes are held as 32-byte digests: a value in another form (upper case, too short) never matches and is
        // quoted as written; an escaped one that reads as the same text matches, as it did when held as a string.
        using var temp = new TempFolder();
        var receipt = File.ReadAllText(Receipt).Replace(FirstBaselineHash, stated, StringComparison.Ordinal);
        File.WriteAllText(temp.File("receipt.json"), receipt);

        var result = MvpsProcess.Run("verify", MvpsProcess.Evidence("mvps_baseline.pcap"), "--receipt", temp.File("receipt.json"));

        Assert.True(result.ExitCode == exitCode, result.StandardOutput + result.StandardError);
        Assert.Contains(expected, result.StandardOutput + "\n");
    }

    [Fact]
    public void Every_kept_issue_quotes_the_receipt_hash_as_written_when_all_are_upper_case()
    {
        using var temp = new TempFolder();
        var receipt = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Receipt), "\"frameSha256\": \"([0-9a-f]{64})\"",
            m => "\"frameSha256\": \"" + m.Groups[1].Value.ToUpperInvariant() + "\"");
        File.WriteAllText(temp.File("receipt.json"), receipt);

        var result = MvpsProcess.Run("verify", MvpsProcess.Evidence("mvps_baseline.pcap"), "--receipt", temp.File("receipt.json"));

        Assert.Equal(1, result.ExitCode);
        string[] quoted = [.. result.StandardOutput.Split('\n').Where(line => line.Contains("differs from the receipt's", StringComparison.Ordinal))];
        Assert.NotEmpty(quoted);
        Assert.All(quoted, line => Assert.Matches("differs from the receipt's [0-9A-F]{64}$", line));
    }

    [Theory]
    [InlineData("\"desiredMinTxUs\": 100000", "\"desiredMinTxUs\": 100001", "frame 0 (Wireshark no. 1): the receipt states bfd.desiredMinTxUs = 100001, the capture gives 100000")]
    [InlineData("\"c2Bits\": \"0x3f7cfd09\"", "\"c2Bits\": \"0x3f7cfd08\"", "frame 0 (Wireshark no. 1): the receipt states mvps.c2Bits = \"0x3f7cfd08\"")]
    [InlineData("\"lostTicks\": 78", "\"lostTicks\": 7", "file: receipt summary.lostTicks = 7, the capture gives 78")]
    public void A_receipt_whose_decoded_fields_were_edited_fails_and_names_the_field(string original, string edited, string expected)
    {
        using var temp = new TempFolder();
        var receipt = File.ReadAllText(Receipt);
        var at = receipt.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{original} not in the receipt");
        File.WriteAllText(temp.File("receipt.json"), receipt[..at] + edited + receipt[(at + original.Length)..]);

        var result = MvpsProcess.Run("verify", MvpsProcess.Evidence("mvps_baseline.pcap"), MvpsProcess.Evidence("mvps_ddos.pcap"), "--receipt", temp.File("receipt.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.StandardOutput);
    }

    [Fact]
    public void Ticks_out_of_order_fail()
    {
        using var temp = new TempFolder();
        // Swap records 3 and 4 whole: each frame stays valid, the order does not.
        var copy = EvidenceCopy.Edited(temp, "mvps_baseline.pcap", bytes =>
        {
            var record3 = bytes[(24 + 3 * 126)..(24 + 4 * 126)];
            Array.Copy(bytes, 24 + 4 * 126, bytes, 24 + 3 * 126, 126);
            Array.Copy(record3, 0, bytes, 24 + 4 * 126, 126);
        });

        var result = MvpsProcess.Run("verify", copy);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("frame 4", result.StandardOutput);
        Assert.Contains("ticks must increase", result.StandardOutput);
    }
}
