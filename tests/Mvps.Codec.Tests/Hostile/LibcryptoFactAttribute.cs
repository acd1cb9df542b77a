using System.Runtime.InteropServices;

namespace Mvps.Codec.Tests.Hostile;

/// <summary>A fact that is skipped, with the reason, where OpenSSL's libcrypto 3 cannot be loaded.</summary>
public sealed class LibcryptoFactAttribute : FactAttribute
{
    public LibcryptoFactAttribute()
    {
        if (!NativeLibrary.TryLoad("libcrypto.so.3", out var handle))
        {
            Skip = "libcrypto.so.3 (OpenSSL 3) cannot be loaded here";
            return;
        }

        NativeLibrary.Free(handle);
    }
}
