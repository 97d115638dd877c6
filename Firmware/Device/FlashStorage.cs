using System;
using System.IO;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Device
{
    /// <summary>
    /// IStorage as one file on the internal flash I:\ (docs/nanoframework.md#files-on-the-board), written like Esp32Board's record: to "path.new" first,
    /// then swapped in, so a power cut never leaves a torn file under the real name (the checksum catches the rest).
    /// </summary>
    public class FlashStorage : IStorage
    {
        private readonly string _path;
        private readonly string _tempPath;
        private readonly ILog _log;

        /// <param name="path">e.g. "I:\\outbox.bin".</param>
        public FlashStorage(string path, ILog log)
        {
            _path = path;
            _tempPath = path + ".new";
            _log = log;
        }

        public int Read(byte[] buffer)
        {
            try
            {
                // A power cut between Delete and Move leaves only the temp file: it holds the newest complete copy.
                string path = File.Exists(_path) ? _path : (File.Exists(_tempPath) ? _tempPath : null);
                if (path == null)
                {
                    return 0;
                }
                byte[] data = File.ReadAllBytes(path); // once per wake-up
                if (data.Length > buffer.Length)
                {
                    return -1;
                }
                Array.Copy(data, buffer, data.Length);
                return data.Length;
            }
            catch (Exception ex)
            {
                _log.Warn("storage: cannot read " + _path + ": " + ex.Message);
                return -1;
            }
        }

        public bool Write(byte[] buffer, int count)
        {
            try
            {
                if (count > 0)
                {
                    byte[] data = new byte[count]; // WriteAllBytes takes a whole array; once per wake-up
                    Array.Copy(buffer, data, count);
                    File.WriteAllBytes(_tempPath, data);
                }
                if (File.Exists(_path))
                {
                    File.Delete(_path);
                }
                if (count > 0)
                {
                    File.Move(_tempPath, _path);
                }
                else if (File.Exists(_tempPath))
                {
                    File.Delete(_tempPath);
                }
                return true;
            }
            catch (Exception ex)
            {
                _log.Warn("storage: cannot write " + _path + ": " + ex.Message);
                return false;
            }
        }
    }
}
