using System;
using OneNetFirmware.Host.Emulator;

namespace OneNetFirmware.Host.Tests.Emulator
{
    /// <summary>Mints OneNET tokens for the tests with the emulator's signer (checked against the ONENET §3.2 vectors).</summary>
    public static class Tokens
    {
        public static string Make(string res, long et, string method, string key)
        {
            string sign = TokenVerifier.Sign(method, Convert.FromBase64String(key), et + "\n" + method + "\n" + res + "\n" + TokenVerifier.Version);
            return "version=" + TokenVerifier.Version + "&res=" + Uri.EscapeDataString(res) + "&et=" + et + "&method=" + method + "&sign=" + Uri.EscapeDataString(sign);
        }
    }
}
