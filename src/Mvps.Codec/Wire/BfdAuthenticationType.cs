namespace Mvps.Codec.Wire;

/// <summary>RFC 5880 §4.1 Auth Type: the format of the authentication section that follows the mandatory section.</summary>
public enum BfdAuthenticationType : byte
{
    Reserved = 0,
    SimplePassword = 1,
    KeyedMd5 = 2,
    MeticulousKeyedMd5 = 3,
    KeyedSha1 = 4,
    MeticulousKeyedSha1 = 5,
}
