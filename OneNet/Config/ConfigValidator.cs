using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.Config
{
    /// <summary>
    /// Checks a loaded configuration before the node starts and names the JSON path of every bad field.
    /// The same code runs at boot on the device and in the host's `config check`.
    /// </summary>
    public static class ConfigValidator
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
            if (onenet.Port < 1 || onenet.Port > 65535)
            {
                errors.Add("onenet.port", "must be 1 to 65535");
            }
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
            if (onenet.KeepAliveSeconds < 10 || onenet.KeepAliveSeconds > 1800)
            {
                errors.Add("onenet.keepAliveSeconds", "OneNET accepts 10 to 1800");
            }
        }

        private static void ValidateNode(NodeSettings node, ConfigErrors errors)
        {
            if (node == null)
            {
                errors.Add("node", "required");
                return;
            }
            if (node.ReportIntervalSeconds < 1 || node.ReportIntervalSeconds > 86400)
            {
                errors.Add("node.reportIntervalSeconds", "must be 1 to 86400");
            }
            if (node.DiagnosticsIntervalSeconds != 0 && (node.DiagnosticsIntervalSeconds < 10 || node.DiagnosticsIntervalSeconds > 86400))
            {
                errors.Add("node.diagnosticsIntervalSeconds", "must be 10 to 86400, or 0 to turn diagnostics off");
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
            if (o.CapacityReadings < 1 || o.CapacityReadings > 100000)
            {
                errors.Add("outbox.capacityReadings", "must be 1 to 100000");
            }
            if (o.CapacityBytes < 1024)
            {
                errors.Add("outbox.capacityBytes", "must be at least 1024");
            }
            if (o.CapacityEvents < 1 || o.CapacityEvents > 1000)
            {
                errors.Add("outbox.capacityEvents", "must be 1 to 1000");
            }
            if (o.ReplyTimeoutSeconds < 1 || o.ReplyTimeoutSeconds > 300)
            {
                errors.Add("outbox.replyTimeoutSeconds", "must be 1 to 300");
            }
        }

        private static void ValidateBattery(BatteryConfig b, ConfigErrors errors)
        {
            if (b == null)
            {
                errors.Add("battery", "must be an object (leave it out for an always-on node)");
                return;
            }
            if (b.SleepSeconds < 10 || b.SleepSeconds > 86400)
            {
                errors.Add("battery.sleepSeconds", "must be 10 to 86400 (300 or more saves the most power)");
            }
            if (b.AwakeLimitSeconds < 10 || b.AwakeLimitSeconds > 600)
            {
                errors.Add("battery.awakeLimitSeconds", "must be 10 to 600 (Wi-Fi, CONNECT and the replies must fit)");
            }
            if (b.DiagnosticsEveryWakeups < 0 || b.DiagnosticsEveryWakeups > 10000)
            {
                errors.Add("battery.diagnosticsEveryWakeups", "must be 0 to 10000 (0 = never)");
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

        private static void ValidateI2cBuses(I2cBusConfig[] buses, string[] owners, ConfigErrors errors)
        {
            if (buses == null) return;
            for (int i = 0; i < buses.Length; i++)
            {
                string path = "i2c[" + i + "]";
                I2cBusConfig bus = buses[i];
                if (bus == null)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }
                if (bus.Bus != 1 && bus.Bus != 2)
                {
                    errors.Add(path + ".bus", "the ESP32 has I2C buses 1 and 2");
                }
                for (int j = 0; j < i; j++)
                {
                    if (buses[j] != null && buses[j].Bus == bus.Bus)
                    {
                        errors.Add(path + ".bus", "bus " + bus.Bus + " is already declared at i2c[" + j + "]");
                    }
                }
                ClaimPin(bus.SdaPin, true, path + ".sdaPin", owners, errors);
                ClaimPin(bus.SclPin, true, path + ".sclPin", owners, errors);
            }
        }

        private static void ValidateSensors(SensorConfig[] sensors, I2cBusConfig[] buses, string[] owners, IdentifierSet identifiers, ConfigErrors errors)
        {
            if (sensors == null) return;
            for (int i = 0; i < sensors.Length; i++)
            {
                string path = "sensors[" + i + "]";
                SensorConfig s = sensors[i];
                if (s == null)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }
                if (!SensorRegistry.IsKnownType(s.Type))
                {
                    errors.Add(path + ".type", "unknown sensor type '" + s.Type + "'; supported: " + SensorRegistry.KnownTypes);
                    continue;
                }
                if (SensorRegistry.IsI2c(s.Type))
                {
                    if (!IsDeclaredBus(buses, s.Bus))
                    {
                        errors.Add(path + ".bus", "I2C bus " + s.Bus + " is not declared in i2c");
                    }
                    if (s.Address != null && s.Address.Length > 0)
                    {
                        int address = TextRules.ParseI2cAddress(s.Address);
                        if (!SensorRegistry.IsValidAddress(s.Type, address))
                        {
                            errors.Add(path + ".address", "'" + s.Address + "' is not an address a " + s.Type + " can have");
                        }
                    }
                    if (s.Pin >= 0 || s.TriggerPin >= 0)
                    {
                        errors.Add(path + ".pin", "an I2C sensor uses its bus pins; remove pin/triggerPin");
                    }
                }
                else if (s.Pin < 0 || s.TriggerPin < 0)
                {
                    // The ESP32 DHT driver (RMT) needs two GPIOs wired to the same data line.
                    errors.Add(path + (s.Pin < 0 ? ".pin" : ".triggerPin"), "a " + s.Type + " needs pin (receive) and triggerPin (start pulse), both wired to its data line");
                }
                else
                {
                    ClaimPin(s.Pin, false, path + ".pin", owners, errors);
                    ClaimPin(s.TriggerPin, true, path + ".triggerPin", owners, errors);
                }
                int min = SensorRegistry.MinIntervalSeconds(s.Type);
                if (s.IntervalSeconds < min || s.IntervalSeconds > 86400)
                {
                    errors.Add(path + ".intervalSeconds", "a " + s.Type + " can be read at most every " + min + " s (allowed " + min + " to 86400)");
                }
                ValidateChannels(s, path, identifiers, errors);
            }
        }

        private static void ValidateChannels(SensorConfig s, string sensorPath, IdentifierSet identifiers, ConfigErrors errors)
        {
            if (s.Channels == null || s.Channels.Length == 0)
            {
                errors.Add(sensorPath + ".channels", "at least one channel (" + SensorRegistry.QuantitiesOf(s.Type) + ")");
                return;
            }
            for (int c = 0; c < s.Channels.Length; c++)
            {
                string path = sensorPath + ".channels[" + c + "]";
                ChannelConfig ch = s.Channels[c];
                if (ch == null)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }
                if (!SensorRegistry.Measures(s.Type, ch.Quantity))
                {
                    errors.Add(path + ".quantity", "a " + s.Type + " measures " + SensorRegistry.QuantitiesOf(s.Type));
                }
                else
                {
                    for (int d = 0; d < c; d++)
                    {
                        if (s.Channels[d] != null && s.Channels[d].Quantity == ch.Quantity)
                        {
                            errors.Add(path + ".quantity", "'" + ch.Quantity + "' is already published by channels[" + d + "]");
                        }
                    }
                }
                identifiers.Claim(ch.Identifier, path + ".identifier", errors);
                if (ch.Decimals < 0 || ch.Decimals > 6)
                {
                    errors.Add(path + ".decimals", "must be 0 to 6");
                }
                if (ch.Scale == 0 || double.IsNaN(ch.Scale) || double.IsInfinity(ch.Scale))
                {
                    errors.Add(path + ".scale", "must be a finite number other than 0");
                }
                if (ch.Min > ch.Max)
                {
                    errors.Add(path + ".min", "must not be above max");
                }
                if (ch.AverageSamples < 1 || ch.AverageSamples > 64)
                {
                    errors.Add(path + ".averageSamples", "must be 1 to 64");
                }
                if (ch.ReportDelta < 0)
                {
                    errors.Add(path + ".reportDelta", "must not be negative");
                }
                if (ch.HeartbeatSeconds < 0)
                {
                    errors.Add(path + ".heartbeatSeconds", "must not be negative (0 = no heartbeat)");
                }
            }
        }

        private static void ValidateOutputs(OutputConfig[] outputs, string[] owners, IdentifierSet identifiers, ConfigErrors errors)
        {
            if (outputs == null) return;
            for (int i = 0; i < outputs.Length; i++)
            {
                string path = "outputs[" + i + "]";
                OutputConfig o = outputs[i];
                if (o == null)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }
                if (o.Type != "relay" && o.Type != "led")
                {
                    errors.Add(path + ".type", "must be relay or led");
                }
                ClaimPin(o.Pin, true, path + ".pin", owners, errors);
                identifiers.Claim(o.Identifier, path + ".identifier", errors);
            }
        }

        private static void ValidateInputs(InputConfig[] inputs, string[] owners, IdentifierSet identifiers, ConfigErrors errors)
        {
            if (inputs == null) return;
            for (int i = 0; i < inputs.Length; i++)
            {
                string path = "inputs[" + i + "]";
                InputConfig input = inputs[i];
                if (input == null)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }
                bool counter = input.Type == "counter";
                if (!counter && input.Type != "contact" && input.Type != "motion" && input.Type != "button")
                {
                    errors.Add(path + ".type", "must be contact, motion, button or counter");
                }
                if (input.Pull != "up" && input.Pull != "down" && input.Pull != "none")
                {
                    errors.Add(path + ".pull", "must be up, down or none");
                }
                if (input.DebounceMilliseconds < 0 || input.DebounceMilliseconds > 10000)
                {
                    errors.Add(path + ".debounceMilliseconds", "must be 0 to 10000");
                }
                ClaimPin(input.Pin, false, path + ".pin", owners, errors);
                if (input.Pin >= 34 && input.Pin <= 39 && (input.Pull == "up" || input.Pull == "down"))
                {
                    errors.Add(path + ".pull", "GPIO " + input.Pin + " has no internal pull resistor; use \"none\" and an external resistor");
                }
                identifiers.Claim(input.Identifier, path + ".identifier", errors);
                if (input.RateIdentifier != null && input.RateIdentifier.Length > 0)
                {
                    if (!counter)
                    {
                        errors.Add(path + ".rateIdentifier", "only a counter has a rate");
                    }
                    identifiers.Claim(input.RateIdentifier, path + ".rateIdentifier", errors);
                }
                if (counter && (input.Scale <= 0 || double.IsNaN(input.Scale) || double.IsInfinity(input.Scale)))
                {
                    errors.Add(path + ".scale", "must be a positive number");
                }
                if (input.Decimals < 0 || input.Decimals > 6)
                {
                    errors.Add(path + ".decimals", "must be 0 to 6");
                }
            }
        }

        private static bool IsDeclaredBus(I2cBusConfig[] buses, int bus)
        {
            if (buses == null) return false;
            for (int i = 0; i < buses.Length; i++)
            {
                if (buses[i] != null && buses[i].Bus == bus) return true;
            }
            return false;
        }

        /// <summary>Checks that a GPIO exists on the ESP32, can drive an output if asked to, and is not used twice.</summary>
        private static void ClaimPin(int pin, bool output, string path, string[] owners, ConfigErrors errors)
        {
            if (pin < 0 || pin >= GpioCount || pin == 20 || pin == 24 || (pin >= 28 && pin <= 31))
            {
                errors.Add(path, "GPIO " + pin + " does not exist on the ESP32");
                return;
            }
            if (pin >= 6 && pin <= 11)
            {
                errors.Add(path, "GPIO " + pin + " is wired to the SPI flash");
                return;
            }
            if (output && pin >= 34)
            {
                errors.Add(path, "GPIO " + pin + " is input-only");
                return;
            }
            if (owners[pin] != null)
            {
                errors.Add(path, "GPIO " + pin + " is already used by " + owners[pin]);
                return;
            }
            owners[pin] = path;
        }
    }
}
