using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>Loads `--devices FILE`: a JSON array of {"productId","deviceName","key"} (deviceName omitted = product key).</summary>
    public static class DeviceRegistry
    {
        private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

        private sealed class Entry
        {
            public string ProductId { get; set; }
            public string DeviceName { get; set; }
            public string Key { get; set; }
        }

        public static List<RegisteredDevice> Parse(string json)
        {
            Entry[] entries = JsonSerializer.Deserialize<Entry[]>(json, Options) ?? Array.Empty<Entry>();
            var devices = new List<RegisteredDevice>();
            for (int i = 0; i < entries.Length; i++)
            {
                Entry e = entries[i];
                if (e == null || string.IsNullOrEmpty(e.ProductId) || string.IsNullOrEmpty(e.Key))
                {
                    throw new FormatException("devices[" + i + "]: productId and key are required");
                }
                if (!IsBase64(e.Key)) throw new FormatException("devices[" + i + "].key: not Base64");
                devices.Add(new RegisteredDevice(e.ProductId, e.DeviceName, e.Key));
            }
            return devices;
        }

        public static List<RegisteredDevice> Load(string path) => Parse(File.ReadAllText(path));

        private static bool IsBase64(string s)
        {
            try
            {
                Convert.FromBase64String(s);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        internal static RegisteredDevice FindDevice(IEnumerable<RegisteredDevice> devices, string productId, string deviceName)
        {
            return devices.FirstOrDefault(d => d.ProductId == productId && d.DeviceName == deviceName);
        }

        internal static RegisteredDevice FindProductKey(IEnumerable<RegisteredDevice> devices, string productId)
        {
            return devices.FirstOrDefault(d => d.ProductId == productId && d.DeviceName == null);
        }
    }
}
