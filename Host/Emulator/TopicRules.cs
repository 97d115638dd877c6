using System;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>Which topics a device may publish and subscribe (docs/onenet-protocol.md#topics-and-payloads).</summary>
    public static class TopicRules
    {
        public const int MaxSubscriptions = 10;
        public const int MaxPayloadBytes = 256 * 1024;

        public static string Prefix(string productId, string deviceName) => "$sys/" + productId + "/" + deviceName + "/";

        /// <summary>Device → platform topics, relative to the device's prefix; '+' stands for one identifier/id level.</summary>
        private static readonly string[] Uplinks =
        {
            "thing/property/post", "thing/property/set_reply", "thing/property/get_reply",
            "thing/property/desired/get", "thing/property/desired/delete", "thing/event/post",
            "thing/service/+/invoke_reply", "thing/pack/post", "thing/history/post",
            "thing/sub/login", "thing/sub/logout", "thing/sub/property/get_reply", "thing/sub/property/set_reply",
            "thing/sub/service/invoke_reply", "thing/sub/topo/add", "thing/sub/topo/delete", "thing/sub/topo/get",
            "thing/sub/topo/get/result", "thing/sub/topo/change_reply", "ota/inform_reply",
            "custome/up", "custome/down_reply/+", "cmp/property/post",
            "dp/post/json", "cmd/response/+", "image/update", "image/get",
        };

        /// <summary>The part after `$sys/{pid}/{dev}/` when the device may publish there, else null.</summary>
        public static string UplinkSuffix(string topic, string productId, string deviceName)
        {
            string prefix = Prefix(productId, deviceName);
            if (topic == null || !topic.StartsWith(prefix, StringComparison.Ordinal)) return null;
            string rest = topic.Substring(prefix.Length);
            foreach (string pattern in Uplinks)
            {
                if (Matches(pattern, rest)) return rest;
            }
            return null;
        }

        /// <summary>Own prefix, at most 8 levels, legal characters, and '+'/'#' only as whole levels from level 5 on.</summary>
        public static bool IsAllowedFilter(string filter, string productId, string deviceName)
        {
            string prefix = Prefix(productId, deviceName);
            if (filter == null || filter.Length > 512 || !filter.StartsWith(prefix, StringComparison.Ordinal)) return false;
            string[] levels = filter.Split('/');
            if (levels.Length < 5 || levels.Length > 8) return false;
            for (int i = 4; i < levels.Length; i++)
            {
                string level = levels[i];
                if (level == "+") continue;
                if (level == "#") { if (i != levels.Length - 1) return false; continue; }
                if (level.Length == 0 || !IsTopicText(level)) return false;
            }
            return true;
        }

        private static bool Matches(string pattern, string topic)
        {
            string[] p = pattern.Split('/');
            string[] t = topic.Split('/');
            if (p.Length != t.Length) return false;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] == "+") { if (t[i].Length == 0 || !IsTopicText(t[i])) return false; }
                else if (p[i] != t[i]) return false;
            }
            return true;
        }

        private static bool IsTopicText(string s)
        {
            foreach (char c in s)
            {
                if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '$')) return false;
            }
            return true;
        }
    }
}
