namespace OneNetFirmware.Runtime
{
    /// <summary>Where the supervisor is on the way to a working session. Each state has a deadline (see Supervisor).</summary>
    public enum SupervisorState
    {
        /// <summary>No IP address; waiting for the network (nudged again after NetworkDeadlineMs).</summary>
        NetworkDown = 0,
        /// <summary>IP is up; waiting for the backoff and the login limit before the next CONNECT.</summary>
        NetworkUp = 1,
        /// <summary>CONNECT accepted; subscribing (the whole attempt has ConnectDeadlineMs).</summary>
        Connecting = 2,
        /// <summary>Subscribed; the main loop is told a new session started (desired/get, resend) — then online.</summary>
        Subscribed = 3,
        /// <summary>Session up and usable.</summary>
        Online = 4,
        /// <summary>The board was asked to reboot; nothing more happens.</summary>
        Rebooting = 5,
    }
}
