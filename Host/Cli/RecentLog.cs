using System;
using System.Collections.Generic;
using System.IO;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Cli
{
    /// <summary>The node's log for `run`: the last lines kept for the live view, and echoed to a writer in plain mode.</summary>
    public sealed class RecentLog : ILog
    {
        private const int Keep = 8;
        private readonly Queue<string> _lines = new();
        private readonly TextWriter _echo;
        private readonly object _lock = new();

        public RecentLog(TextWriter echo)
        {
            _echo = echo;
        }

        public void Info(string message) => Add("INFO ", message);

        public void Warn(string message) => Add("WARN ", message);

        public void Error(string message) => Add("ERROR", message);

        public string[] Lines()
        {
            lock (_lock) return _lines.ToArray();
        }

        private void Add(string level, string message)
        {
            string line = DateTime.UtcNow.ToString("HH:mm:ss") + " " + level + " " + message;
            lock (_lock)
            {
                _lines.Enqueue(line);
                while (_lines.Count > Keep) _lines.Dequeue();
                _echo?.WriteLine(line);
            }
        }
    }
}
