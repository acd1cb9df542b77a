using Mvps.Codec.Wire;
using Mvps.Evidence.Receipt;
using Mvps.Evidence.Regimes;

namespace Mvps.Evidence.Tests.Evidence;

/// <summary>The committed evidence/ is exactly what the generator makes with the default seed and key.</summary>
public sealed class EvidenceReproductionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private List<ReceiptCapture> GenerateAll()
    {
        var captures = new List<ReceiptCapture>();
        using var authenticator = FrameAuthenticator.ForProofKey();
        foreach (var profile in RegimeProfile.All)
        {
            var path = Path.Combine(_folder.Path, profile.FileName);
            using (var stream = File.Create(path))
            {
                EvidenceGenerator.WriteCapture(new RegimeModel(profile, RegimeModel.DefaultSeed, 30), authenticator, stream);
            }

            captures.Add(new ReceiptCapture(profile, path));
        }

        return captures;
    }

    [Theory]
    [InlineData("mvps_baseline.pcap")]
    [InlineData("mvps_ddos.pcap")]
    public void Generated_capture_equals_the_committed_one(string file)
    {
        GenerateAll();

        var generated = File.ReadAllBytes(Path.Combine(_folder.Path, file));
        Assert.Equal(3804, generated.Length);
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Evidence(file)), generated);
    }

    [Fact]
    public void Generated_receipt_equals_the_committed_one()
    {
        var captures = GenerateAll();
        using var receipt = new MemoryStream();
        ReceiptWriter.Write(receipt, new ReceiptSettings(RegimeModel.DefaultSeed, 30, WireConstants.ProofKeyText), captures);

        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Evidence(ReceiptWriter.FileName)), receipt.ToArray());
    }

    [Fact]
    public void Receipt_has_lf_endings_a_trailing_newline_and_no_byte_order_mark()
    {
        var bytes = File.ReadAllBytes(RepositoryRoot.Evidence(ReceiptWriter.FileName));

        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.NotEqual((byte)'\n', bytes[^2]);
        Assert.Equal((byte)'{', bytes[0]);
    }

    [Fact]
    public void A_private_key_is_never_written_into_the_receipt()
    {
        var captures = GenerateAll();
        using var receipt = new MemoryStream();
        ReceiptWriter.Write(receipt, new ReceiptSettings(RegimeModel.DefaultSeed, 30, PublicKeyText: null), captures);
        var text = System.Text.Encoding.UTF8.GetString(receipt.ToArray());

        Assert.Contains("\"key\": null", text);
        Assert.DoesNotContain("python-hmac", text); // the Python step needs the key, so it is left out
    }
}
