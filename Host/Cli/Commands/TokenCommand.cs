using System;
using System.IO;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.OneNet;

namespace OneNetFirmware.Cli.Commands
{
    /// <summary>`token --product P [--device D] --key K [--method sha256] (--et UNIX | --valid-for 30d)`: prints the token alone.</summary>
    public static class TokenCommand
    {
        public static int Execute(Arguments args, TextWriter stdout, TextWriter stderr, long nowUnixSeconds)
        {
            string product = args.Option("product") ?? throw new UsageException("--product is required");
            string device = args.Option("device");
            string key = args.Option("key") ?? throw new UsageException("--key is required");
            string method = args.Option("method") ?? "sha256";
            string et = args.Option("et");
            string validFor = args.Option("valid-for");
            args.RejectUnknown(0);
            if ((et == null) == (validFor == null)) throw new UsageException("give exactly one of --et UNIX_SECONDS and --valid-for DURATION");
            long expires = et != null ? ParseEt(et) : nowUnixSeconds + Arguments.ParseDuration("valid-for", validFor);
            if (device != null && device.Length == 0) throw new UsageException("--device must not be empty");
            string token;
            try
            {
                token = OneNetToken.Build(product, device, key, method, expires, new HmacSigner());
            }
            catch (ArgumentException ex)
            {
                // The messages name the field, never the key's value.
                stderr.WriteLine("error: " + ex.Message);
                return Program.Failed;
            }
            if (OneNetToken.IsExpired(expires, nowUnixSeconds)) stderr.WriteLine("warning: et " + expires + " is already in the past; OneNET will reject this token");
            stdout.WriteLine(token);
            return Program.Ok;
        }

        private static long ParseEt(string text)
        {
            if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long et) || et <= 0)
                throw new UsageException("--et must be a positive Unix time in seconds");
            return et;
        }
    }
}
