using System;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.OneNet;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Runtime.Node
{
    /// <summary>
    /// The runtime's ITokenSource over OneNetToken.Build: a device-level token (res products/{pid}/devices/{name})
    /// with the configured method, expiring either at the fixed TokenExpiresAtUnixSeconds or TokenLifetimeHours from now.
    /// </summary>
    public sealed class OneNetTokenSource : ITokenSource
    {
        private readonly OneNetConfig _config;
        private readonly ISigner _signer;

        public OneNetTokenSource(OneNetConfig config, ISigner signer)
        {
            _config = config;
            _signer = signer;
        }

        public string PasswordAt(bool utcValid, long utcUnixSeconds)
        {
            long expires = _config.TokenExpiresAtUnixSeconds;
            if (expires <= 0)
            {
                // A lifetime needs a clock to count from.
                if (!utcValid) return null;
                expires = utcUnixSeconds + (long)_config.TokenLifetimeHours * 3600;
            }
            if (utcValid && OneNetToken.IsExpired(expires, utcUnixSeconds)) return null;
            try
            {
                return OneNetToken.Build(_config.ProductId, _config.DeviceName, _config.DeviceKey, _config.TokenMethod, expires, _signer);
            }
            catch (ArgumentException)
            {
                // The validator rejects such configurations; never let one crash the supervisor.
                return null;
            }
        }
    }
}
