using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.OneNet.Config
{
    /// <summary>
    /// Checks a loaded configuration before the node starts and names the JSON path of every bad field.
    /// The same code runs at boot on the device and in the host's `config check`. The settings' rules are here; the
    /// pins, buses, sensors, channels, outputs and inputs are checked in ConfigValidator.Hardware.cs.
    /// </summary>
    public static partial class ConfigValidator
    {
        private const int GpioCount = 40;

        public static ConfigErrors Validate(NodeConfig config)
        {
            var errors = new ConfigErrors();
            if (config == null)
            {
                errors.Add("$", "the configuration is empty");
                return errors;
            }

            ValidateWifi(config.Wifi, errors);
            ValidateOneNet(config.OneNet, errors);
            ValidateNode(config.Node, errors);
            ValidateWatchdog(config.Watchdog, errors);
            ValidateOutbox(config.Outbox, errors);
            ValidateBattery(config.Battery, errors);

            // Every GPIO may have one owner; owners[pin] holds the path that claimed it first.
            var owners = new string[GpioCount];
            var identifiers = new IdentifierSet();
            if (config.Node != null && config.Node.StatusLedPin >= 0)
            {
                ClaimPin(config.Node.StatusLedPin, true, "node.statusLedPin", owners, errors);
            }
            ValidateI2cBuses(config.I2c, owners, errors);
            ValidateSensors(config.Sensors, config.I2c, owners, identifiers, errors);
            ValidateOutputs(config.Outputs, owners, identifiers, errors);
            ValidateInputs(config.Inputs, owners, identifiers, errors);
            ValidateWakePins(config, errors);
            return errors;
        }

        private static void ValidateWifi(WifiConfig wifi, ConfigErrors errors)
        {
            if (wifi == null)
            {
                errors.Add("wifi", "required");
                return;
            }
            if (wifi.Ssid == null || wifi.Ssid.Length == 0 || wifi.Ssid.Length > 32)
            {
                errors.Add("wifi.ssid", "required, 1 to 32 characters");
            }
            if (wifi.Password != null && wifi.Password.Length > 64)
            {
                errors.Add("wifi.password", "at most 64 characters");
            }
        }

        private static void ValidateOneNet(OneNetConfig onenet, ConfigErrors errors)
        {
            if (onenet == null)
            {
                errors.Add("onenet", "required");
                return;
            }
            if (onenet.Host == null || onenet.Host.Length == 0)
            {
                errors.Add("onenet.host", "required (mqtts.heclouds.com, mqttstls.heclouds.com or the product's smart domain)");
            }
            Range(errors, "onenet.port", onenet.Port, 1, 65535, null);
            if (onenet.Tls && (onenet.CaCertificatePath == null || onenet.CaCertificatePath.Length == 0))
            {
                errors.Add("onenet.caCertificatePath", "required when tls is true (the OneNET MQTTS CA in PEM)");
            }
            if (!TextRules.IsProductId(onenet.ProductId))
            {
                errors.Add("onenet.productId", "required: the product id from the OneNET console (letters and digits)");
            }
            if (!TextRules.IsDeviceName(onenet.DeviceName))
            {
                errors.Add("onenet.deviceName", "must match [A-Za-z0-9_-]{1,64}");
            }
            if (!TextRules.IsBase64(onenet.DeviceKey))
            {
                errors.Add("onenet.deviceKey", "must be the device key from the console, in Base64");
            }
            if (onenet.TokenMethod != "md5" && onenet.TokenMethod != "sha1" && onenet.TokenMethod != "sha256")
            {
                errors.Add("onenet.tokenMethod", "must be md5, sha1 or sha256");
            }
            if (onenet.TokenExpiresAtUnixSeconds == 0 && onenet.TokenLifetimeHours < 1)
            {
                errors.Add("onenet.tokenLifetimeHours", "must be at least 1 (or set tokenExpiresAtUnixSeconds)");
            }
            if (onenet.TokenExpiresAtUnixSeconds < 0)
            {
                errors.Add("onenet.tokenExpiresAtUnixSeconds", "must be a Unix time in seconds, or 0");
            }
            Range(errors, "onenet.keepAliveSeconds", onenet.KeepAliveSeconds, 10, 1800, " (what OneNET accepts)");
        }

        private static void ValidateNode(NodeSettings node, ConfigErrors errors)
        {
            if (node == null)
            {
                errors.Add("node", "required");
                return;
            }
            Range(errors, "node.reportIntervalSeconds", node.ReportIntervalSeconds, 1, 86400, null);
            if (node.DiagnosticsIntervalSeconds != 0)
            {
                Range(errors, "node.diagnosticsIntervalSeconds", node.DiagnosticsIntervalSeconds, 10, 86400,
                    ", or 0 to turn diagnostics off");
            }
        }

        private static void ValidateWatchdog(WatchdogConfig w, ConfigErrors errors)
        {
            if (w == null)
            {
                errors.Add("watchdog", "required");
                return;
            }
            if (w.BackoffBaseSeconds < 1)
            {
                errors.Add("watchdog.backoffBaseSeconds", "must be at least 1");
            }
            if (w.BackoffCapSeconds < w.BackoffBaseSeconds || w.BackoffCapSeconds > 3600)
            {
                errors.Add("watchdog.backoffCapSeconds", "must be between backoffBaseSeconds and 3600");
            }
            if (w.StableSessionSeconds < 0)
            {
                errors.Add("watchdog.stableSessionSeconds", "must not be negative");
            }
            if (w.RestartNetworkAfterMinutes < 0)
            {
                errors.Add("watchdog.restartNetworkAfterMinutes", "must not be negative (0 = never)");
            }
            if (w.RebootAfterDowntimeMinutes < 0)
            {
                errors.Add("watchdog.rebootAfterDowntimeMinutes", "must not be negative (0 = never)");
            }
            if (w.HeartbeatTimeoutSeconds < 10)
            {
                errors.Add("watchdog.heartbeatTimeoutSeconds", "must be at least 10");
            }
            if (w.MinFreeMemoryBytes < 0)
            {
                errors.Add("watchdog.minFreeMemoryBytes", "must not be negative (0 = never)");
            }
            if (w.BootLoopMaxReboots < 1)
            {
                errors.Add("watchdog.bootLoopMaxReboots", "must be at least 1");
            }
            if (w.BootLoopWindowMinutes < 1)
            {
                errors.Add("watchdog.bootLoopWindowMinutes", "must be at least 1");
            }
        }

        private static void ValidateOutbox(OutboxConfig o, ConfigErrors errors)
        {
            if (o == null)
            {
                errors.Add("outbox", "required");
                return;
            }
            Range(errors, "outbox.capacityReadings", o.CapacityReadings, 1, 100000, null);
            if (o.CapacityBytes < 1024)
            {
                errors.Add("outbox.capacityBytes", "must be at least 1024");
            }
            Range(errors, "outbox.capacityEvents", o.CapacityEvents, 1, 1000, null);
            Range(errors, "outbox.replyTimeoutSeconds", o.ReplyTimeoutSeconds, 1, 300, null);
        }

        private static void ValidateBattery(BatteryConfig b, ConfigErrors errors)
        {
            if (b == null)
            {
                errors.Add("battery", "must be an object (leave it out for an always-on node)");
                return;
            }
            Range(errors, "battery.sleepSeconds", b.SleepSeconds, 10, 86400, " (300 or more saves the most power)");
            Range(errors, "battery.awakeLimitSeconds", b.AwakeLimitSeconds, 10, 600, " (Wi-Fi, CONNECT and the replies must fit)");
            Range(errors, "battery.diagnosticsEveryWakeups", b.DiagnosticsEveryWakeups, 0, 10000, " (0 = never)");
        }

        // The one shape of every numeric range check: "must be min to max" and what the range means (why may be null).
        private static void Range(ConfigErrors errors, string path, long value, long min, long max, string why)
        {
            if (value < min || value > max)
            {
                errors.Add(path, "must be " + min.ToString() + " to " + max.ToString() + why);
            }
        }

        // In battery mode an event input sees nothing while the chip sleeps unless its pin can wake it: an error, as
        // the wiring (not this firmware) is what has to change.
        private static void ValidateWakePins(NodeConfig config, ConfigErrors errors)
        {
            if (config.Battery == null || !config.Battery.Enabled || config.Inputs == null) return;
            for (int i = 0; i < config.Inputs.Length; i++)
            {
                InputConfig input = config.Inputs[i];
                if (WakePins.IsEventInput(input) && input.Pin >= 0 && !WakePins.CanWake(input.Pin))
                {
                    errors.Add("inputs[" + i + "].pin", "GPIO " + input.Pin + " cannot wake the chip from deep sleep "
                        + "(battery mode); use an RTC GPIO: " + WakePins.Rtc);
                }
            }
        }
    }
}
