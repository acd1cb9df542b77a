using System.Text;
using Mvps.Release;

namespace Mvps.Fuzz;

/// <summary>
/// The PEM key reader through its two public doors, each given the input as a key file: the signing key
/// (PKCS#8 or SEC 1 "EC PRIVATE KEY", P-256 only) and the release public key. Only
/// <see cref="ReleaseInputException"/> may escape, in one line. A key that loads must work: a signature
/// made with it verifies with its public half, and that public half reads back from its own PEM.
/// </summary>
public sealed class PemKeyTarget : IFuzzTarget
{
    public const long FixedBudget = 1L << 20;

    /// <summary>Per input byte: the bounded read, its UTF-16 text and the decoded DER.</summary>
    public const long BudgetPerInputByte = 16;

    private static readonly byte[] Message = Encoding.ASCII.GetBytes("fuzz");

    private readonly string _keyPath;

    /// <param name="workFolder">A folder this target alone writes into.</param>
    public PemKeyTarget(string workFolder)
    {
        Directory.CreateDirectory(workFolder);
        _keyPath = Path.Combine(workFolder, "key.pem");
    }

    public void Check(byte[] input)
    {
        File.WriteAllBytes(_keyPath, input);
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            using var key = SigningKey.Load(_keyPath, environmentVariable: null);
            var signature = key.SignData(Message);
            FuzzFinding.Require(key.PublicKey.VerifyData(Message, signature), "a loaded private key whose signature does not verify");
            using var again = ReleasePublicKey.FromPem(Encoding.ASCII.GetString(key.PublicKey.PemFileBytes), "public half");
            FuzzFinding.Require(again.KeyId == key.KeyId, "a public half that reads back with another key id");
        }
        catch (ReleaseInputException e)
        {
            RequireOneLine(e);
        }

        try
        {
            using var key = ReleasePublicKey.Load(_keyPath);
            FuzzFinding.Require(key.KeyId.Length == 64, "a public key without a SHA-256 key id");
        }
        catch (ReleaseInputException e)
        {
            RequireOneLine(e);
        }

        FuzzFinding.WithinBudget(before, FixedBudget + (BudgetPerInputByte * input.Length), $"a key file of {input.Length} bytes");
    }

    private static void RequireOneLine(ReleaseInputException e) =>
        FuzzFinding.Require(!e.Message.Contains('\n', StringComparison.Ordinal) && !e.Message.Contains('\r', StringComparison.Ordinal), "a key error of more than one line");
}
