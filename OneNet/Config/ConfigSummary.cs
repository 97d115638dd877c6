namespace OneNetFirmware.OneNet.Config
{
    /// <summary>
    /// The effective configuration as log lines, for the boot log and the host's `run`. Secrets (Wi-Fi password,
    /// device key) are masked: only whether they are set is shown.
    /// </summary>
    public static class ConfigSummary
    {
        public const string Mask = "********";

        public static string[] Describe(NodeConfig c)
        {
            int lines = 7 + Length(c.I2c) + Length(c.Sensors) + Length(c.Outputs) + Length(c.Inputs);
            var output = new string[lines];
            int n = 0;
            output[n++] = "wifi: ssid=" + c.Wifi.Ssid + " password=" + Secret(c.Wifi.Password);
            output[n++] = "onenet: " + (c.OneNet.Tls ? "mqtts://" : "mqtt://") + c.OneNet.Host + ":" + c.OneNet.Port
                + " product=" + c.OneNet.ProductId + " device=" + c.OneNet.DeviceName + " key=" + Secret(c.OneNet.DeviceKey)
                + " token=" + c.OneNet.TokenMethod + "/" + (c.OneNet.TokenExpiresAtUnixSeconds != 0
                    ? "expires " + c.OneNet.TokenExpiresAtUnixSeconds
                    : c.OneNet.TokenLifetimeHours + "h")
                + " keepAlive=" + c.OneNet.KeepAliveSeconds + "s";
            output[n++] = "node: report every " + c.Node.ReportIntervalSeconds + "s, diagnostics every "
                + c.Node.DiagnosticsIntervalSeconds + "s, status LED " + Pin(c.Node.StatusLedPin);
            output[n++] = "watchdog: backoff " + c.Watchdog.BackoffBaseSeconds + "-" + c.Watchdog.BackoffCapSeconds
                + "s, stable after " + c.Watchdog.StableSessionSeconds + "s, restart network after "
                + c.Watchdog.RestartNetworkAfterMinutes + "min, reboot after " + c.Watchdog.RebootAfterDowntimeMinutes
                + "min, heartbeat " + c.Watchdog.HeartbeatTimeoutSeconds + "s, min free " + c.Watchdog.MinFreeMemoryBytes + "B";
            output[n++] = "outbox: " + c.Outbox.CapacityReadings + " readings / " + c.Outbox.CapacityBytes
                + " bytes, " + c.Outbox.CapacityEvents + " events, reply timeout " + c.Outbox.ReplyTimeoutSeconds + "s";
            output[n++] = Battery(c.Battery, c.Inputs);
            output[n++] = "i2c buses: " + Length(c.I2c) + ", sensors: " + Length(c.Sensors) + ", outputs: "
                + Length(c.Outputs) + ", inputs: " + Length(c.Inputs);
            for (int i = 0; i < Length(c.I2c); i++)
            {
                output[n++] = "  i2c" + c.I2c[i].Bus + ": sda=" + c.I2c[i].SdaPin + " scl=" + c.I2c[i].SclPin;
            }
            for (int i = 0; i < Length(c.Sensors); i++)
            {
                SensorConfig s = c.Sensors[i];
                string where = s.Pin >= 0 ? "pin " + s.Pin + (s.TriggerPin >= 0 ? "/" + s.TriggerPin : "") : "bus " + s.Bus + " " + s.Address;
                output[n++] = "  sensor " + s.Type + " at " + where + " every " + s.IntervalSeconds + "s -> " + Identifiers(s.Channels);
            }
            for (int i = 0; i < Length(c.Outputs); i++)
            {
                OutputConfig o = c.Outputs[i];
                output[n++] = "  output " + o.Type + " pin " + o.Pin + " -> " + o.Identifier + " (at boot: "
                    + (o.RestoreState ? "saved state, else " : "") + (o.InitialOn ? "on" : "off") + ")";
            }
            for (int i = 0; i < Length(c.Inputs); i++)
            {
                output[n++] = "  input " + c.Inputs[i].Type + " pin " + c.Inputs[i].Pin + " -> " + c.Inputs[i].Identifier;
            }
            return output;
        }

        private static string Battery(BatteryConfig b, InputConfig[] inputs)
        {
            if (b == null || !b.Enabled)
            {
                return "battery: off (always on)";
            }
            return "battery: on, deep sleep " + b.SleepSeconds + "s, awake at most " + b.AwakeLimitSeconds
                + "s, diagnostics " + (b.DiagnosticsEveryWakeups == 0 ? "never" : "every " + b.DiagnosticsEveryWakeups + " wake-ups")
                + WakeUp(inputs);
        }

        // Which input wakes the board, and which event inputs are seen only while awake (one wake pin: ext0).
        private static string WakeUp(InputConfig[] inputs)
        {
            InputConfig wake = WakePins.WakeInput(inputs);
            if (wake == null)
            {
                return "";
            }
            string text = ", wakes on " + wake.Identifier + " (GPIO " + wake.Pin + ")";
            for (int i = 0; i < inputs.Length; i++)
            {
                if (inputs[i] != wake && WakePins.IsEventInput(inputs[i]))
                {
                    text += "; " + inputs[i].Identifier + " only while awake";
                }
            }
            return text;
        }

        private static string Secret(string value)
        {
            return value == null || value.Length == 0 ? "(not set)" : Mask;
        }

        private static string Pin(int pin)
        {
            return pin < 0 ? "none" : "GPIO " + pin;
        }

        private static string Identifiers(ChannelConfig[] channels)
        {
            string text = "";
            for (int i = 0; i < Length(channels); i++)
            {
                text += (i == 0 ? "" : ", ") + channels[i].Identifier;
            }
            return text;
        }

        private static int Length(object[] items)
        {
            return items == null ? 0 : items.Length;
        }
    }
}
