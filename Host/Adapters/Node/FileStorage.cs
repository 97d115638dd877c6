using System;
using System.IO;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Node
{
    /// <summary>IStorage as a file for `run` (written aside and renamed, like the device's I:\ file).</summary>
    public sealed class FileStorage(string path) : IStorage
    {
        public string Path => path;

        public int Read(byte[] buffer)
        {
            if (!File.Exists(path)) return 0;
            try
            {
                byte[] data = File.ReadAllBytes(path);
                if (data.Length > buffer.Length) return -1;
                data.CopyTo(buffer, 0);
                return data.Length;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return -1;
            }
        }

        public bool Write(byte[] buffer, int count)
        {
            try
            {
                if (count == 0)
                {
                    File.Delete(path);
                    return true;
                }
                string temp = path + ".new";
                using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
                {
                    stream.Write(buffer, 0, count);
                }
                File.Move(temp, path, overwrite: true);
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
