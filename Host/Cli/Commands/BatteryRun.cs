using System;
using System.IO;
using System.Threading;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Cli.Commands
{
    /// <summary>
    /// `run` in battery mode: each wake-up is a fresh node (NodeBuilder, as after the ESP32's reset) running the portable
    /// BatteryCycle with the supervisor on its own thread; the outbox is saved to a file between wake-ups and the deep
    /// sleep is simulated, shortened to at most MaxSleepSeconds of real time so a run shows several wake-ups; the
    /// simulated inputs go on changing meanwhile and the wake input's pin ends the sleep early, as on the ESP32.
    /// </summary>
    public static class BatteryRun
    {
        public const int MaxSleepSeconds = 5;

        public static int Execute(NodeConfig config, string caPem, OneNetEmulator emulator, RecentLog log, TextWriter stdout,
            CancellationToken stop, long durationSeconds, string summaryPath, string outboxPath)
        {
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop);
            if (durationSeconds > 0) stopping.CancelAfter(TimeSpan.FromSeconds(durationSeconds));
            foreach (string line in ConfigSummary.Describe(config)) log.Info(line);
            int sleepSeconds = Math.Min(config.Battery.SleepSeconds, MaxSleepSeconds);
            log.Info("battery: outbox file " + outboxPath + "; deep sleep of " + config.Battery.SleepSeconds
                + " s simulated as " + sleepSeconds + " s");

            var clock = new SystemClock();
            var link = new MonitoredLink(new MqttNetLink());
            var board = new HostBoard();
            var storage = new FileStorage(outboxPath);
            var sleep = new HostDeepSleep();
            board.RebootRequested += () => log.Warn("the node asked the board to reboot; on the host the next wake-up starts");
            RunView view = null;
            while (!stopping.IsCancellationRequested)
            {
                var world = new SimulatedWorld(config, clock); // a reset releases every pin; the weather follows the clock
                NodeRuntime node = RunCommand.BuildNode(config, caPem, link, clock, board, log, world,
                    new SystemRandomSource(Environment.TickCount));
                BatteryCycle cycle = NodeBuilder.BuildBattery(node, config, storage, sleep);
                view = new RunView(node, link, emulator, log, clock);
                RunWakeUp(node, cycle, world, clock, stopping.Token);
                stdout.WriteLine(view.StatusLine());
                bool byPin = SleepUntilWakeUp(sleep, world, clock, sleepSeconds, stopping.Token);
                sleep.Woke(byPin);
                if (byPin)
                {
                    log.Info("battery: GPIO " + sleep.RequestedWakePin + " reached its wake level: the board wakes early");
                }
            }
            link.Disconnect();
            emulator?.StopAsync().GetAwaiter().GetResult();
            if (view != null) RunCommand.WriteSummary(view, summaryPath);
            return Program.Ok;
        }

        /// <summary>
        /// The simulated deep sleep: the world's inputs go on changing; true when the wake pin reached its level before
        /// the (shortened) timer, as the chip's ext0 wake-up would.
        /// </summary>
        private static bool SleepUntilWakeUp(HostDeepSleep sleep, SimulatedWorld world, SystemClock clock, int seconds,
            CancellationToken stop)
        {
            long end = clock.NowMilliseconds + seconds * 1000L;
            while (!stop.IsCancellationRequested && clock.NowMilliseconds < end)
            {
                if (sleep.RequestedWakePin >= 0)
                {
                    world.Update(clock.NowMilliseconds / 1000.0);
                    if (sleep.PinWakes(sleep.RequestedWakePin, world.Gpio.Read(sleep.RequestedWakePin))) return true;
                }
                stop.WaitHandle.WaitOne(RuntimeDefaults.StepMilliseconds);
            }
            return false;
        }

        /// <summary>One wake-up: the supervisor on its own thread (as on the device), the cycle on this one; saves even when stopped.</summary>
        private static void RunWakeUp(NodeRuntime node, BatteryCycle cycle, SimulatedWorld world, SystemClock clock, CancellationToken stop)
        {
            using var awake = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var supervisor = new Thread(() =>
            {
                while (!awake.IsCancellationRequested && node.Supervisor.State != SupervisorState.Rebooting)
                {
                    node.Supervisor.Step(clock.NowMilliseconds);
                    clock.Sleep(RuntimeDefaults.StepMilliseconds);
                }
            }) { IsBackground = true, Name = "supervisor" };
            cycle.Begin(clock.NowMilliseconds);
            supervisor.Start();
            while (!stop.IsCancellationRequested)
            {
                world.Update(clock.NowMilliseconds / 1000.0);
                if (cycle.Step(clock.NowMilliseconds)) break;
                clock.Sleep(RuntimeDefaults.StepMilliseconds);
            }
            awake.Cancel();
            supervisor.Join(); // first: no CONNECT may complete after Finish closed the session
            cycle.Finish();
        }
    }
}
