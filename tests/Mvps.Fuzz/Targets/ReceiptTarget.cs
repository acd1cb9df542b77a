using System.Buffers.Binary;
using Mvps.Codec.Capture;
using Mvps.Evidence.Receipt;
using Mvps.Evidence.Verification;
using Mvps.Codec.Wire;

namespace Mvps.Fuzz;

/// <summary>
/// The receipt reader: each input is written as a receipt file and loaded (streaming, the way
/// `mvps verify --receipt` does); every capture entry it accepts is then checked against a two-frame
/// capture cut from evidence/, which makes the content check read the entry's "frames" array a second
/// time from its offset. Only <see cref="InvalidDataException"/> (one line naming the receipt) may escape.
/// </summary>
public sealed class ReceiptTarget : IFuzzTarget, IDisposable
{
    /// <summary>
    /// The stream's window and documents, and for each entry checked the capture reader's 1 MiB window and the
    /// content check's rendering (about 4.5 MiB per entry measured on the seeds): a constant, plus the window
    /// doubling up to the largest value.
    /// </summary>
    public const long FixedBudget = 16L << 20;

    /// <summary>Per input byte: the window holds the largest value (doubling: 2x, copies: 2x more), and a string value becomes UTF-16 text.</summary>
    public const long BudgetPerInputByte = 16;

    private const int CaptureFrames = 2;
    private const int EntriesChecked = 2;

    private readonly string _receiptPath;
    private readonly string _capturePath;
    private readonly FrameAuthenticator _authenticator = FrameAuthenticator.ForProofKey();

    /// <param name="workFolder">A folder this target alone writes into.</param>
    /// <param name="evidenceCapture">A classic pcap from evidence/, cut to its first frames for the content check.</param>
    public ReceiptTarget(string workFolder, string evidenceCapture)
    {
        Directory.CreateDirectory(workFolder);
        _receiptPath = Path.Combine(workFolder, "receipt.json");
        _capturePath = Path.Combine(workFolder, "mvps_baseline.pcap");
        File.WriteAllBytes(_capturePath, FirstRecords(File.ReadAllBytes(evidenceCapture), CaptureFrames));
    }

    public void Check(byte[] input)
    {
        File.WriteAllBytes(_receiptPath, input);
        var before = GC.GetAllocatedBytesForCurrentThread();
        IReadOnlyDictionary<string, ReceiptExpectations> entries;
        try
        {
            entries = ReceiptExpectations.Load(_receiptPath);
        }
        catch (InvalidDataException e)
        {
            FuzzFinding.Require(!e.Message.Contains('\n', StringComparison.Ordinal), "a receipt error of more than one line");
            FuzzFinding.WithinBudget(before, FixedBudget + (BudgetPerInputByte * input.Length), $"refusing a receipt of {input.Length} bytes");
            return;
        }

        foreach (var expected in entries.Values.Take(EntriesChecked))
        {
            var verdict = CaptureVerifier.Verify(_capturePath, expected.File, _authenticator, VerificationMode.Strict, expected, progress: null);
            FuzzFinding.Require(verdict.ReceiptChecked, "a receipt entry that was not checked");
        }

        FuzzFinding.WithinBudget(before, FixedBudget + (BudgetPerInputByte * input.Length), $"a receipt of {input.Length} bytes");
    }

    public void Dispose() => _authenticator.Dispose();

    /// <summary>A little-endian classic pcap's header and its first <paramref name="count"/> records.</summary>
    private static byte[] FirstRecords(byte[] pcap, int count)
    {
        var end = CaptureLayout.PcapFileHeader.Length;
        for (var i = 0; i < count; i++)
        {
            end += CaptureLayout.PcapRecordHeader.Length + (int)BinaryPrimitives.ReadUInt32LittleEndian(pcap.AsSpan(end + CaptureLayout.PcapRecordHeader.IncludedLengthOffset));
        }

        return pcap[..end];
    }
}
