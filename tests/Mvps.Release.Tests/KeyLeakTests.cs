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
        using var release = TestRelease.Create();

        AssertNoLeak(release.PrivateKey, OutputsOf(release.Folder)
            .Append(("log", Encoding.UTF8.GetBytes(string.Join("\n", release.Log))))
            .Append(("SigningKey.ToString", Encoding.UTF8.GetBytes(release.Key.ToString())))
            .Append(("ReleaseSignResult.ToString", Encoding.UTF8.GetBytes(release.Result!.ToString())))
            .Append(("verification", Encoding.UTF8.GetBytes(string.Join("\n", release.Verify().Problems)))));
    }

    [Fact]
    public void EphemeralKeyStaysInItsOwnFile()
    {
        using var release = TestRelease.Create(sign: false);
        var keyFolder = release.Temp.Sub("nuke-temp");
        using var key = SigningKey.Load(null, null, keyFolder);
        var log = new List<string>();
        var result = ReleaseSigner.Sign(release.Folder, key, TestRelease.Provenance, log: log.Add);
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
        var good = p256.ExportPkcs8PrivateKeyPem();
        // Break the DER inside a valid PEM frame by dropping base64 from the middle.
        var lines = good.Split('\n');
        var damaged = string.Join('\n', lines.Take(2).Concat(lines.Skip(3)));
        var variable = "MVPS_RELEASE_TESTS_KEY_" + nameof(ErrorMessagesAboutAKeyNeverCarryItsMaterial).ToUpperInvariant();
        var messages = new List<string>();
        try
        {
            foreach (var pem in new[] { p384.ExportPkcs8PrivateKeyPem(), damaged, good.Replace("PRIVATE KEY", "PUBLIC KEY"), good[..^30] })
            {
                Environment.SetEnvironmentVariable(variable, pem);
                var e = Assert.Throws<ReleaseInputException>(() => SigningKey.Load(null, variable));
                Assert.StartsWith($"environment variable {variable}:", e.Message);
                messages.Add(e.ToString());
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        var all = string.Join("\n", messages);
        AssertNoLeak(p384, [("messages", Encoding.UTF8.GetBytes(all))]);
        AssertNoLeak(p256, [("messages", Encoding.UTF8.GetBytes(all))]);
        Assert.DoesNotContain(lines[1], all);
    }

    private static IEnumerable<(string Name, byte[] Bytes)> OutputsOf(string folder) =>
        Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)));

    private static void AssertNoLeak(ECDsa privateKey, IEnumerable<(string Name, byte[] Bytes)> outputs)
    {
        var scalar = privateKey.ExportParameters(includePrivateParameters: true).D!;
        var pkcs8 = privateKey.ExportPkcs8PrivateKey();
        var sec1 = privateKey.ExportECPrivateKey();
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
        foreach ((var pem, var der) in new[] { (privateKey.ExportPkcs8PrivateKeyPem(), pkcs8), (privateKey.ExportECPrivateKeyPem(), sec1) })
        {
            needles.Add(("whole PEM body", Encoding.ASCII.GetBytes(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))))));
            var scalarStart = der.AsSpan().IndexOf(scalar);
            Assert.True(scalarStart > 0);
            string[] body = [.. pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))];
            for (var line = 0; line < body.Length; line++)
            {
                const int BytesPerLine = 48; // 64 base64 characters
                if (line * BytesPerLine < scalarStart + scalar.Length && (line + 1) * BytesPerLine > scalarStart)
                {
                    needles.Add(($"PEM body line {line + 1}", Encoding.ASCII.GetBytes(body[line])));
                }
            }
        }

        var scanned = 0;
        foreach ((var name, var bytes) in outputs)
        {
            scanned++;
            foreach ((var what, var needle) in needles)
            {
                Assert.False(bytes.AsSpan().IndexOf(needle) >= 0, $"{name} contains the private key ({what})");
            }
        }

        Assert.True(scanned > 0);
    }
}
