using System.Security.Cryptography;
using System.Text;

namespace Mvps.Release.Tests;

public sealed class DsseTests
{
    [Fact]
    public void PaeMatchesTheSpecTestVector()
    {
        var pae = Dsse.PreAuthenticationEncoding("http://example.com/HelloWorld", "hello world"u8);

        Assert.Equal("DSSEv1 29 http://example.com/HelloWorld 11 hello world", Encoding.ASCII.GetString(pae));
    }

    [Fact]
    public void PaeLengthsAreByteCountsNotCharacterCounts()
    {
        var pae = Dsse.PreAuthenticationEncoding("t/é", [0xC3, 0xA9, 0x00]);

        Assert.Equal("DSSEv1 4 t/é 3 "u8.ToArray().Concat(new byte[] { 0xC3, 0xA9, 0x00 }), pae);
    }

    [Fact]
    public void PaeOfEmptyTypeAndBody()
    {
        Assert.Equal("DSSEv1 0  0 "u8.ToArray(), Dsse.PreAuthenticationEncoding("", []));
    }

    [Fact]
    public void SignedEnvelopeRoundTripsThroughItsJsonLineAndVerifies()
    {
        using var temp = new TempFolder();
        using var key = SigningKey.FromPem(ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem(), "test key");
        var envelope = Dsse.Sign(InTotoStatement.PayloadType, "{\"a\":1}"u8.ToArray(), key);

        var line = envelope.ToJsonLine();
        var parsed = DsseEnvelope.Parse(line.AsSpan(0, line.Length - 1));

        Assert.Equal((byte)'\n', line[^1]);
        Assert.Equal(1, line.Count(b => b == (byte)'\n'));
        Assert.StartsWith("{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"", Encoding.UTF8.GetString(line));
        Assert.Equal(key.KeyId, parsed.Signatures.Single().KeyId);
        Assert.Equal(0x30, parsed.Signatures.Single().Sig[0]); // ASN.1 DER SEQUENCE
        Assert.True(Dsse.Verify(parsed, key.PublicKey));
        Assert.Equal(line, parsed.ToJsonLine());
    }

    [Fact]
    public void SignatureOverAnotherPayloadTypeDoesNotVerify()
    {
        using var key = SigningKey.FromPem(ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem(), "test key");
        var envelope = Dsse.Sign(InTotoStatement.PayloadType, "{}"u8.ToArray(), key);

        Assert.False(Dsse.Verify(envelope with { PayloadType = "application/json" }, key.PublicKey));
        Assert.False(Dsse.Verify(envelope with { Payload = "{ }"u8.ToArray() }, key.PublicKey));
        Assert.False(Dsse.Verify(envelope with { Signatures = [envelope.Signatures[0] with { KeyId = new string('0', 64) }] }, key.PublicKey));
    }

    [Fact]
    public void KeyIdIsSha256OfTheSubjectPublicKeyInfo()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var key = SigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem(), "test key");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo())), key.KeyId);
    }

    [Theory]
    [InlineData("{\"payloadType\":\"x\",\"signatures\":[{\"sig\":\"AA==\"}]}", "payload")]
    [InlineData("{\"payloadType\":\"x\",\"payload\":\"AA==\",\"signatures\":[]}", "signatures")]
    [InlineData("{\"payloadType\":\"x\",\"payload\":\"AB==\",\"signatures\":[{\"sig\":\"AA==\"}]}", "canonical")]
    [InlineData("{\"payloadType\":\"x\",\"payload\":\"A A=\",\"signatures\":[{\"sig\":\"AA==\"}]}", "base64")]
    [InlineData("{\"payloadType\":", "JSON")]
    public void MalformedEnvelopesAreRejectedWithAReason(string json, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => DsseEnvelope.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(reason, e.Message);
    }
}
