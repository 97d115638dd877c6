using System;
using System.IO;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Node
{
    /// <summary>Log lines with a UTC time stamp to a TextWriter (stderr by default, so stdout stays for results).</summary>
    public sealed class ConsoleLog : ILog
    {
        private readonly TextWriter _out;
        private readonly object _lock = new();

        public ConsoleLog(TextWriter output = null)
        {
            _out = output ?? Console.Error;
        }

        public void Info(string message) => Write("INFO ", message);

        public void Warn(string message) => Write("WARN ", message);

        public void Error(string message) => Write("ERROR", message);

        private void Write(string level, string message)
        {
            lock (_lock)
            {
                _out.WriteLine(DateTime.UtcNow.ToString("HH:mm:ss.fff") + " " + level + " " + message);
            }
        }
    }
}
