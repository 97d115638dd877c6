using System;
using System.Collections.Generic;

namespace OneNetFirmware.Cli
{
    /// <summary>A tiny `--name value` / positional parser: every option is checked, unknown ones are usage errors.</summary>
    public sealed class Arguments
    {
        private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
        private readonly List<string> _positional = new();
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public Arguments(string[] args, int start)
        {
            for (int i = start; i < args.Length; i++)
            {
                string a = args[i];
                if (a.StartsWith("--", StringComparison.Ordinal))
                {
                    string name = a.Substring(2);
                    string value = null;
                    int eq = name.IndexOf('=');
                    if (eq >= 0)
                    {
                        value = name.Substring(eq + 1);
                        name = name.Substring(0, eq);
                    }
                    else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        value = args[++i];
                    }
                    if (_options.ContainsKey(name)) throw new UsageException("--" + name + " given twice");
                    _options[name] = value;
                }
                else
                {
                    _positional.Add(a);
                }
            }
        }

        public IReadOnlyList<string> Positional => _positional;

        /// <summary>The option's value, or null when absent; an option given without a value is an error.</summary>
        public string Option(string name)
        {
            _used.Add(name);
            if (!_options.TryGetValue(name, out string value)) return null;
            if (value == null) throw new UsageException("--" + name + " needs a value");
            return value;
        }

        public bool Flag(string name)
        {
            _used.Add(name);
            if (!_options.TryGetValue(name, out string value)) return false;
            if (value != null) throw new UsageException("--" + name + " takes no value");
            return true;
        }

        /// <summary>A duration option in seconds: "30d", "12h", "45m", "90s" or plain seconds.</summary>
        public static long ParseDuration(string option, string text)
        {
            long unit = 1;
            string digits = text;
            if (text.Length > 0)
            {
                switch (text[^1])
                {
                    case 'd': unit = 86400; break;
                    case 'h': unit = 3600; break;
                    case 'm': unit = 60; break;
                    case 's': unit = 1; break;
                }
                if (char.IsLetter(text[^1])) digits = text[..^1];
            }
            if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n)
                || n <= 0 || n > 100L * 365 * 86400 / unit || (char.IsLetter(text[^1]) && "dhms".IndexOf(text[^1]) < 0))
                throw new UsageException("--" + option + " must be a positive duration such as 30d, 12h, 45m or 3600s");
            return n * unit;
        }

        /// <summary>Call after reading every option: rejects options the command does not know and extra positionals.</summary>
        public void RejectUnknown(int maxPositional)
        {
            foreach (string name in _options.Keys)
            {
                if (!_used.Contains(name)) throw new UsageException("unknown option --" + name);
            }
            if (_positional.Count > maxPositional) throw new UsageException("unexpected argument '" + _positional[maxPositional] + "'");
        }
    }

    public sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message)
        {
        }
    }
}
