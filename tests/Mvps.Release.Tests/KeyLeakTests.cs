using System.Security.Cryptography;
using System.Text;

namespace Mvps.Release.Tests;

/// <summary>
/// The private key must appear in no output file, log line, message or ToString, in any of its encodings:
/// PEM body, base64 DER, raw scalar (hex either case, base64 or bytes).
/// </summary>
public sealed class KeyLeakTests
{
    [Fact]
    public void NoOutputFileOrLogLineOrStringCarriesThePrivateKey()
    {
        using TestRelease release = TestRelease.Create();

        AssertNoLeak(release.PrivateKey, OutputsOf(release.Folder)
            .Append(("log", Encoding.UTF8.GetBytes(string.Join("\n", release.Log))))
            .Append(("SigningKey.ToString", Encoding.UTF8.GetBytes(release.Key.ToString())))
            .Append(("ReleaseSignResult.ToString", Encoding.UTF8.GetBytes(release.Result!.ToString())))
            .Append(("verification", Encoding.UTF8.GetBytes(string.Join("\n", release.Verify().Problems)))));
    }

    [Fact]
    public void EphemeralKeyStaysInItsOwnFile()
    {
        using TestRelease release = TestRelease.Create(sign: false);
        string keyFolder = release.Temp.Sub("nuke-temp");
        using SigningKey key = SigningKey.Load(null, null, keyFolder);
        var log = new List<string>();
        ReleaseSignResult result = ReleaseSigner.Sign(release.Folder, key, TestRelease.Provenance, log: log.Add);
        using var ephemeral = ECDsa.Create();
        ephemeral.ImportFromPem(File.ReadAllText(Path.Combine(keyFolder, SigningKey.EphemeralKeyFileName)));

        AssertNoLeak(ephemeral, OutputsOf(release.Folder)
            .Append(("log", Encoding.UTF8.GetBytes(string.Join("\n", log))))
            .Append(("SigningKey.ToString", Encoding.UTF8.GetBytes(key.ToString() + key.Origin)))
            .Append(("ReleaseSignResult.ToString", Encoding.UTF8.GetBytes(result.ToString()))));
    }

    [Fact]
    public void ErrorMessagesAboutAKeyNeverCarryItsMaterial()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string good = p256.ExportPkcs8PrivateKeyPem();
        // Break the DER inside a valid PEM frame by dropping base64 from the middle.
        string[] lines = good.Split('\n');
        string damaged = string.Join('\n', lines.Take(2).Concat(lines.Skip(3)));
        string variable = "MVPS_RELEASE_TESTS_KEY_" + nameof(ErrorMessagesAboutAKeyNeverCarryItsMaterial).ToUpperInvariant();
        var messages = new List<string>();
        try
        {
            foreach (string pem in new[] { p384.ExportPkcs8PrivateKeyPem(), damaged, good.Replace("PRIVATE KEY", "PUBLIC KEY"), good[..^30] })
            {
                Environment.SetEnvironmentVariable(variable, pem);
                ReleaseInputException e = Assert.Throws<ReleaseInputException>(() => SigningKey.Load(null, variable));
                Assert.StartsWith($"environment variable {variable}:", e.Message);
                messages.Add(e.ToString());
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        string all = string.Join("\n", messages);
        AssertNoLeak(p384, [("messages", Encoding.UTF8.GetBytes(all))]);
        AssertNoLeak(p256, [("messages", Encoding.UTF8.GetBytes(all))]);
        Assert.DoesNotContain(lines[1], all);
    }

    private static IEnumerable<(string Name, byte[] Bytes)> OutputsOf(string folder) =>
        Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)));

    private static void AssertNoLeak(ECDsa privateKey, IEnumerable<(string Name, byte[] Bytes)> outputs)
    {
        byte[] scalar = privateKey.ExportParameters(includePrivateParameters: true).D!;
        byte[] pkcs8 = privateKey.ExportPkcs8PrivateKey();
        byte[] sec1 = privateKey.ExportECPrivateKey();
        var needles = new List<(string What, byte[] Bytes)>
        {
            ("raw scalar bytes", scalar),
            ("scalar hex", Encoding.ASCII.GetBytes(Convert.ToHexStringLower(scalar))),
            ("scalar HEX", Encoding.ASCII.GetBytes(Convert.ToHexString(scalar))),
            ("scalar base64", Encoding.ASCII.GetBytes(Convert.ToBase64String(scalar))),
            ("PKCS#8 DER", pkcs8),
            ("PKCS#8 base64 DER", Encoding.ASCII.GetBytes(Convert.ToBase64String(pkcs8))),
            ("SEC1 base64 DER", Encoding.ASCII.GetBytes(Convert.ToBase64String(sec1))),
        };
        // Each PEM body line that encodes a byte of the scalar: a leaked fragment is a leak. (The last lines
        // encode only the public point, which the private-key PEM also carries and mvps-release.pub rightly holds.)
        foreach ((string pem, byte[] der) in new[] { (privateKey.ExportPkcs8PrivateKeyPem(), pkcs8), (privateKey.ExportECPrivateKeyPem(), sec1) })
        {
            needles.Add(("whole PEM body", Encoding.ASCII.GetBytes(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))))));
            int scalarStart = der.AsSpan().IndexOf(scalar);
            Assert.True(scalarStart > 0);
            string[] body = [.. pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))];
            for (int line = 0; line < body.Length; line++)
            {
                const int BytesPerLine = 48; // 64 base64 characters
                if (line * BytesPerLine < scalarStart + scalar.Length && (line + 1) * BytesPerLine > scalarStart)
                {
                    needles.Add(($"PEM body line {line + 1}", Encoding.ASCII.GetBytes(body[line])));
                }
            }
        }

        int scanned = 0;
        foreach ((string name, byte[] bytes) in outputs)
        {
            scanned++;
            foreach ((string what, byte[] needle) in needles)
            {
                Assert.False(bytes.AsSpan().IndexOf(needle) >= 0, $"{name} contains the private key ({what})");
            }
        }

        Assert.True(scanned > 0);
    }
}
