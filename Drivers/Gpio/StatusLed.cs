namespace OneNetFirmware.Drivers.Gpio
{
    /// <summary>
    /// The status LED's patterns, a pure function of state and time so a virtual clock can test them:
    /// no network = slow blink (0.5 s on / 0.5 s off); no broker = double flash every 2 s;
    /// online = short 100 ms blip every 3 s (alive, little light); error = fast blink (100 ms on / 100 ms off).
    /// </summary>
    public static class StatusLed
    {
        public static bool IsOn(LinkState state, long nowMs)
        {
            if (state == LinkState.NoNetwork) return Phase(nowMs, 1000) < 500;
            if (state == LinkState.NoBroker)
            {
                long p = Phase(nowMs, 2000);
                return p < 150 || (p >= 300 && p < 450);
            }
            if (state == LinkState.Online) return Phase(nowMs, 3000) < 100;
            return Phase(nowMs, 200) < 100;
        }

        private static long Phase(long nowMs, long period)
        {
            long p = nowMs % period;
            return p < 0 ? p + period : p;
        }
    }
}
