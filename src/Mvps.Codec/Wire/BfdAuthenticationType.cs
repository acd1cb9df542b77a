namespace Mvps.Codec.Wire;

/// <summary>RFC 5880 §4.1 Auth Type: the format of the authentication section that follows the mandatory section.</summary>
public enum BfdAuthenticationType : byte
{
    /// <summary>Type 0, reserved by RFC 5880 §4.1.</summary>
    Reserved = 0,
    /// <summary>Simple Password (RFC 5880 §4.2).</summary>
    SimplePassword = 1,
    /// <summary>Keyed MD5 (RFC 5880 §4.3).</summary>
    KeyedMd5 = 2,
    /// <summary>Meticulous Keyed MD5 (RFC 5880 §4.3): the sequence number grows with every packet.</summary>
    MeticulousKeyedMd5 = 3,
    /// <summary>Keyed SHA1 (RFC 5880 §4.4).</summary>
    KeyedSha1 = 4,
    /// <summary>Meticulous Keyed SHA1 (RFC 5880 §4.4): the sequence number grows with every packet.</summary>
    MeticulousKeyedSha1 = 5,
}
