using System;
using System.Threading;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Device;
using OneNetFirmware.Device.Drivers;
using OneNetFirmware.Drivers.Gpio;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Ports;
using OneNetFirmware.Device.Sensors;

namespace OneNetFirmware
{
    /// <summary>
    /// The ESP32 composition root: loads and checks the configuration, builds the node with the device adapters
    /// (NodeBuilder, shared with the host's run command), then runs the supervisor and status LED threads and the
    /// main loop on this thread — or, with battery.enabled, one wake-up that ends in deep sleep.
    /// </summary>
    public class Program
    {
        private static NodeRuntime _node;
        private static DigitalOutput _led;
        private static IClock _clock;

        public static void Main()
        {
            ILog log = new ConsoleLog();
            log.Info("OneNetFirmware starting");
            NodeConfig config = DeviceConfigLoader.Load(log);
            if (config == null)
            {
                Halt(log, "node not started: fix the configuration and redeploy"); // the loader logged every problem
                return;
            }
            string[] summary = ConfigSummary.Describe(config);
            for (int i = 0; i < summary.Length; i++)
            {
                log.Info(summary[i]);
            }

            string pem = null;
            if (config.OneNet.Tls)
            {
                pem = DeviceConfigLoader.LoadCaCertificate(config.OneNet, log);
                if (pem == null)
                {
                    Halt(log, "node not started: deploy the OneNET CA certificate or turn TLS off"); // the loader said why
                    return;
                }
            }

            _clock = new DeviceClock();
            var network = new WifiNetwork(config.Wifi.Ssid, config.Wifi.Password, FirmwareDefaults.WifiConnectTimeoutMilliseconds, log);
            var link = new M2MqttLink(FirmwareDefaults.MqttInflightQueue, FirmwareDefaults.SubscribeTimeoutMilliseconds, log);
            var board = new Esp32Board(FirmwareDefaults.RecordPath, log);
            IGpioPort gpio = new EspGpioPort();
            var sensors = new EspSensorHardware(config.I2c);
            // Jitter only has to differ between boards that lost the broker together: the boot time and the name do.
            var random = new SystemRandomSource(Seed(config.OneNet.DeviceName, _clock.NowMilliseconds));
            _node = NodeBuilder.Build(config, network, link, _clock, board, log, new HmacSigner(), sensors, gpio, random);
            if (pem != null)
            {
                _node.SetCaCertificate(pem);
            }
            if (config.Battery.Enabled)
            {
                RunBattery(config, board, log); // ends in deep sleep
                return;
            }
            if (config.Node.StatusLedPin >= 0)
            {
                _led = new DigitalOutput(gpio, config.Node.StatusLedPin, false, false);
                new Thread(RunStatusLed).Start();
            }

            // The supervisor starts the network in its first step (and decides whether the credentials are saved).
            new Thread(RunSupervisor).Start();
            _node.RunMainLoop();
        }

        // Battery mode: one wake-up (BatteryCycle), then deep sleep; no status LED, whose milliamps a battery cannot spare.
        private static void RunBattery(NodeConfig config, Esp32Board board, ILog log)
        {
            BatteryCycle cycle = NodeBuilder.BuildBattery(_node, config, new FlashStorage(FirmwareDefaults.OutboxPath, log),
                new Esp32DeepSleep(log));
            new Thread(RunSupervisor).Start();
            cycle.Run();
            // Only reached when the timer wake-up was refused: wait out the interval awake, then start afresh.
            Thread.Sleep(config.Battery.SleepSeconds * 1000);
            board.Reboot();
        }

        // Sleeping (not rebooting) on a configuration problem avoids a crash loop that would hide the log and wear the flash.
        private static void Halt(ILog log, string message)
        {
            log.Error(message);
            Thread.Sleep(Timeout.Infinite);
        }

        private static int Seed(string deviceName, long nowMs)
        {
            int seed = (int)nowMs;
            char[] name = deviceName.ToCharArray(); // never s[i] on the device (docs/device-runtime.md "Text")
            for (int i = 0; i < name.Length; i++) seed = seed * 31 + name[i];
            return seed;
        }

        private static void RunSupervisor()
        {
            _node.RunSupervisor();
        }

        // The LED pattern is a pure function of the link state and time (StatusLed); this thread only applies it.
        private static void RunStatusLed()
        {
            while (true)
            {
                _led.On = StatusLed.IsOn(ToLinkState(_node.Supervisor.State), _clock.NowMilliseconds);
                _clock.Sleep(FirmwareDefaults.StatusLedStepMilliseconds);
            }
        }

        private static LinkState ToLinkState(SupervisorState state)
        {
            switch (state)
            {
                case SupervisorState.NetworkDown: return LinkState.NoNetwork;
                case SupervisorState.Online: return LinkState.Online;
                case SupervisorState.Rebooting: return LinkState.Error;
                default: return LinkState.NoBroker;
            }
        }
    }
}
