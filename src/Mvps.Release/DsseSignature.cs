namespace Mvps.Release;

/// <summary>One DSSE signature: the signer's key id (SHA-256 of its SubjectPublicKeyInfo, hex) and the DER ECDSA signature.</summary>
internal sealed record DsseSignature(string KeyId, byte[] Sig);
