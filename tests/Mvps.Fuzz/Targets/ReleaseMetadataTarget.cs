using Mvps.Release;

namespace Mvps.Fuzz;

/// <summary>
/// The release metadata readers, each given every input: SHA256SUMS (problems are data, it never throws), the
/// DSSE envelope line and the in-toto statement, both of which may only throw <see cref="InvalidDataException"/>.
/// An envelope that parses has its payload read as a statement, as verify-release does with provenance.intoto.jsonl.
/// What the readers accept must survive the writers: SHA256SUMS and the envelope are written back and read again.
/// </summary>
public sealed class ReleaseMetadataTarget : IFuzzTarget
{
    public const long FixedBudget = 1L << 20;

    /// <summary>Per input byte: UTF-16 text and its split lines, a JSON document, base64 decoding and re-encoding.</summary>
    public const long BudgetPerInputByte = 32;

    public void Check(byte[] input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        CheckChecksums(input);
        var newline = Array.IndexOf(input, (byte)'\n');
        CheckEnvelope(newline < 0 ? input : input.AsSpan(0, newline));
        CheckStatement(input);
        FuzzFinding.WithinBudget(before, FixedBudget + (BudgetPerInputByte * input.Length), $"input of {input.Length} bytes");
    }

    private static void CheckChecksums(byte[] input)
    {
        var list = Sha256Sums.Parse(input);
        FuzzFinding.Require(list.Entries.Count > 0 || list.Problems.Count > 0, "SHA256SUMS with neither entries nor problems");
        foreach (var problem in list.Problems)
        {
            FuzzFinding.Require(!problem.Message.Contains('\n', StringComparison.Ordinal), "a SHA256SUMS problem of more than one line");
        }

        if (list.Entries.Count > 0)
        {
            // Every entry the reader accepts is one the writer can write; the written list reads back the same.
            var again = Sha256Sums.Parse(Sha256Sums.FormatBytes(list.Entries.Select(e => e with { Sha256 = e.Sha256.ToLowerInvariant() })));
            FuzzFinding.Require(again.Problems.Count == 0 && again.Entries.Count == list.Entries.Count, "accepted SHA256SUMS entries that do not survive writing");
        }
    }

    private static void CheckEnvelope(ReadOnlySpan<byte> line)
    {
        DsseEnvelope envelope;
        try
        {
            envelope = DsseEnvelope.Parse(line);
        }
        catch (InvalidDataException e)
        {
            FuzzFinding.Require(!e.Message.Contains('\n', StringComparison.Ordinal), "a DSSE error of more than one line");
            return;
        }

        FuzzFinding.Require(envelope.Signatures.Count > 0, "an envelope without signatures");
        var written = envelope.ToJsonLine();
        var again = DsseEnvelope.Parse(written.AsSpan(0, written.Length - 1));
        FuzzFinding.Require(again.PayloadType == envelope.PayloadType && again.Payload.AsSpan().SequenceEqual(envelope.Payload)
            && again.Signatures.Count == envelope.Signatures.Count, "an envelope that does not survive writing");
        _ = Dsse.PreAuthenticationEncoding(envelope.PayloadType, envelope.Payload);
        CheckStatement(envelope.Payload);
    }

    private static void CheckStatement(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var statement = InTotoStatement.Read(bytes);
            FuzzFinding.Require(statement.Subjects.All(s => IsLowercaseHexDigest(s.Sha256)), "a statement subject without a hex digest");
        }
        catch (InvalidDataException e)
        {
            FuzzFinding.Require(!e.Message.Contains('\n', StringComparison.Ordinal), "a statement error of more than one line");
        }
    }

    private static bool IsLowercaseHexDigest(string value) => value.Length == 64 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
