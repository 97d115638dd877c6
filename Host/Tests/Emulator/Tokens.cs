using OneNetFirmware.Host.OneNet;
using OneNetFirmware.OneNet;

namespace OneNetFirmware.Host.Tests.Emulator
{
    /// <summary>Mints OneNET tokens for the tests with the firmware's portable OneNetToken (res "products/{pid}[/devices/{name}]").</summary>
    public static class Tokens
    {
        public static string Make(string res, long et, string method, string key)
        {
            string[] parts = res.Split('/');
            return OneNetToken.Build(parts[1], parts.Length > 3 ? parts[3] : null, key, method, et, new HmacSigner());
        }
    }
}
