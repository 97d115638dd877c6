namespace OneNetFirmware.OneNet.Ports
{
    /// <summary>
    /// Where the node's log lines go: the serial/debug console on the device, the console or a test sink on the host.
    /// Callers never pass secrets (Wi-Fi password, device key, token).
    /// </summary>
    public interface ILog
    {
        void Info(string message);
        void Warn(string message);
        void Error(string message);
    }
}
