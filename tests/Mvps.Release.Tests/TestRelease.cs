using System.Security.Cryptography;
using System.Text;

namespace Mvps.Release.Tests;

/// <summary>
/// A small release built for a test: three fixed files signed with a P-256 key the test knows,
/// so tests can tamper with, check, and scan the output.
/// </summary>
internal sealed class TestRelease : IDisposable
{
    public static readonly ProvenanceInputs Provenance = new("Release", "1.2.3", "https://example.invalid/mvps-evidence.git", new string('a', 40))
    {
        SourceDateEpoch = 1_700_000_000,
        ExternalParameters = new Dictionary<string, string> { ["configuration"] = "Release" },
    };

    public static readonly IReadOnlyDictionary<string, byte[]> Files = new Dictionary<string, byte[]>
    {
        ["mvps_baseline.pcap"] = [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 7))],
        ["mvps_pcap_receipt.json"] = Encoding.UTF8.GetBytes("{\"receipt\":\"test\"}\n"),
        ["release notes.txt"] = Encoding.UTF8.GetBytes("a name with a space\n"),
    };

    private TestRelease(TempFolder temp, ECDsa privateKey, SigningKey key)
    {
        Temp = temp;
        PrivateKey = privateKey;
        Key = key;
        Folder = temp.Sub("release");
        PublicKeyPath = temp.File("trusted.pub");
        File.WriteAllBytes(PublicKeyPath, key.PublicKey.PemFileBytes);
    }

    public TempFolder Temp { get; }
    public ECDsa PrivateKey { get; }
    public SigningKey Key { get; }
    public string Folder { get; }
    public string PublicKeyPath { get; }
    public List<string> Log { get; } = [];
    public ReleaseSignResult? Result { get; private set; }

    /// <summary>A release signed with a fresh PKCS#8 key loaded from a PEM file.</summary>
    public static TestRelease Create(bool sign = true)
    {
        var temp = new TempFolder();
        var privateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pemPath = temp.File("release-key.pem");
        File.WriteAllText(pemPath, privateKey.ExportPkcs8PrivateKeyPem());
        var release = new TestRelease(temp, privateKey, SigningKey.Load(pemPath, null));
        foreach ((var name, var bytes) in Files)
        {
            File.WriteAllBytes(Path.Combine(release.Folder, name), bytes);
        }

        if (sign)
        {
            release.Sign();
        }

        return release;
    }

    public ReleaseSignResult Sign() => Result = ReleaseSigner.Sign(Folder, Key, Provenance, log: Log.Add);

    public string PathOf(string name) => Path.Combine(Folder, name);

    public ReleaseVerificationResult Verify() => ReleaseVerifier.Verify(Folder, PublicKeyPath);

    public static IEnumerable<string> AllOutputNames => Files.Keys.Concat(ReleaseFileNames.Metadata);

    public void Dispose()
    {
        Key.Dispose();
        PrivateKey.Dispose();
        Temp.Dispose();
    }
}
