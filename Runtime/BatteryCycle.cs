using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// One wake-up in battery mode, on top of the always-on runtime: restore the outbox and input events saved before the last sleep,
    /// sample every sensor once (the sampler's first pass; the intervals are then stretched past the awake limit), let
    /// the supervisor connect (its own thread on the device), post the fresh readings as one property/post first (the
    /// current values, even if the limit cuts the rest short), then back-fill the restored ones oldest first with
    /// history/post, apply downlinks as usual (desired/get after CONNECT), and end when every post is
    /// acknowledged and nothing moved for RuntimeDefaults.BatteryQuietMilliseconds (time for the desired/get reply and
    /// diagnostics) — or at
    /// the hard awake limit, counted from Begin. Then save what is unacknowledged and deep-sleep. Diagnostics go out
    /// only on every Nth wake-up (by the record's boot count), when node.diagnosticsIntervalSeconds is not 0. The wake
    /// input (WakePins) also ends the sleep, at the level opposite to its state; after such a wake-up its state at boot
    /// is posted as an event. Built by NodeBuilder.BuildBattery (docs/architecture.md "Battery mode").
    /// </summary>
    public sealed class BatteryCycle
    {
        private readonly NodeRuntime _node;
        private readonly OutboxFile _file;
        private readonly BatteryConfig _config;
        private readonly InputConfig _wakeInput;
        private readonly IMqttLink _link;
        private readonly IDeepSleep _sleep;
        private readonly IClock _clock;
        private readonly ILog _log;
        private long _startMs;
        private long _quietSinceMs = -1;
        private bool _limitReached;
        private bool _savedForReboot;
        private bool _bootEventDue;

        /// <param name="wakeInput">The input whose pin wakes the board (WakePins.WakeInput(config.Inputs)), or null.</param>
        public BatteryCycle(NodeRuntime node, OutboxFile file, BatteryConfig config, InputConfig wakeInput, IDeepSleep sleep)
        {
            _node = node;
            _file = file;
            _config = config;
            _wakeInput = wakeInput;
            _link = node.Uplink.Link;
            _sleep = sleep;
            _clock = node.Context.Clock;
            _log = node.Context.Log;
            if (sleep.WokeFromDeepSleep || sleep.WokeByPin)
            {
                // The power-on boot that began this chain of wake-ups stored the Wi-Fi credentials: do not write them
                // to flash again on every wake-up (docs/device-runtime.md "Wi-Fi"). Set before the supervisor starts.
                node.Supervisor.CredentialSaves.AlreadySaved(_clock.NowMilliseconds);
            }
        }

        /// <summary>The outbox file the unacknowledged readings and events are saved to before the sleep.</summary>
        public OutboxFile File { get { return _file; } }

        /// <summary>True when the last wake-up ended at the awake limit rather than with everything acknowledged.</summary>
        public bool LimitReached { get { return _limitReached; } }

        /// <summary>Whether this wake-up posts diagnostics.</summary>
        public bool PostsDiagnostics { get { return _node.Settings.DiagnosticsIntervalSeconds > 0; } }

        /// <summary>The device's main thread: Begin, Step until done, Finish (which does not return on the device).</summary>
        public void Run()
        {
            Begin(_clock.NowMilliseconds);
            while (!Step(_clock.NowMilliseconds))
            {
                _clock.Sleep(RuntimeDefaults.StepMilliseconds);
            }
            Finish();
        }

        /// <summary>Starts the wake-up at nowMs: restores the saved outbox and input events and decides about diagnostics.</summary>
        public void Begin(long nowMs)
        {
            _startMs = nowMs;
            int wake = _node.Record.BootCount;
            int every = _config.DiagnosticsEveryWakeups;
            if (every == 0 || wake % every != 0)
            {
                _node.Settings.DiagnosticsIntervalSeconds = 0;
            }
            // Every sensor is due at the first step; after that none is due again before the sleep: one sample each.
            _node.Sampler.SetIntervalSeconds(RuntimeSettings.MaxIntervalSeconds);
            bool timer = _sleep.WokeFromDeepSleep;
            _bootEventDue = _sleep.WokeByPin && _wakeInput != null;
            // After an input wake-up the sleep length is unknown: untimed readings and events are dropped, as after a reset.
            int restored = _file.Restore(_node.Outbox, _node.InputEvents, timer ? _config.SleepSeconds * 1000L : -1);
            string cause = timer ? " (timer)" : _bootEventDue
                ? " (input " + _wakeInput.Identifier + " on GPIO " + _wakeInput.Pin.ToString() + ")"
                : _sleep.WokeByPin ? " (input no longer configured)" : " (power-on or reset)";
            _log.Info("battery: wake-up " + wake.ToString() + cause + ", "
                + restored.ToString() + " saved readings restored"
                + (_file.RestoredEvents > 0 ? " and " + _file.RestoredEvents.ToString() + " input events" : "")
                + (PostsDiagnostics ? ", diagnostics this time" : ""));
        }

        /// <summary>One main-loop pass; true when the wake-up is over (everything acknowledged, or the limit).</summary>
        public bool Step(long nowMs)
        {
            if (!_savedForReboot && _node.DownlinkHandler.RebootAtMilliseconds >= 0)
            {
                // The reboot service: the supervisor resets the board without coming back here, so save now.
                _savedForReboot = true;
                _file.Save(_node.Outbox, _node.InputEvents);
                _log.Info("battery: outbox saved before the requested reboot");
            }
            _node.Loop.Step(nowMs);
            if (_bootEventDue)
            {
                RaiseBootEvent();
            }
            // Anything sampled goes out as a report at the next allowed moment (a no-op when nothing is fresh).
            _node.Outbox.RequestReport();
            if (nowMs - _startMs >= _config.AwakeLimitSeconds * 1000L)
            {
                _limitReached = true;
                _log.Warn("battery: awake limit of " + _config.AwakeLimitSeconds.ToString() + " s reached ("
                    + (_node.Supervisor.Sessions > 0 ? "replies missing" : "OneNET not reached") + ")");
                return true;
            }
            if (_node.Supervisor.State == SupervisorState.Rebooting)
            {
                return true;
            }
            if (!_node.Supervisor.IsOnline || _node.Outbox.Depth > 0 || _node.InputEvents.Depth > 0)
            {
                _quietSinceMs = -1;
                return false;
            }
            if (_quietSinceMs < 0)
            {
                _quietSinceMs = nowMs;
            }
            return nowMs - _quietSinceMs >= RuntimeDefaults.BatteryQuietMilliseconds;
        }

        /// <summary>Saves the unacknowledged readings and input events, closes the session and deep-sleeps (never returns on the device).</summary>
        public void Finish()
        {
            bool saved = _file.Save(_node.Outbox, _node.InputEvents);
            int pending = _node.Outbox.Depth;
            int events = _node.InputEvents.Depth;
            if (_node.Supervisor.IsOnline)
            {
                _link.Disconnect(); // a clean DISCONNECT: OneNET shows the device offline at once, not after keep-alive
            }
            long awake = _clock.NowMilliseconds - _startMs;
            int level = WakeLevel();
            int wakePin = level < 0 ? -1 : _wakeInput.Pin;
            bool wakeHigh = level == 1;
            _log.Info("battery: awake " + (awake / 1000).ToString() + " s, " + pending.ToString()
                + (events > 0 ? " unacknowledged readings and " + events.ToString() + " input events" : " unacknowledged readings")
                + (saved ? " saved" : " NOT saved (storage failed)")
                + "; deep sleep for " + _config.SleepSeconds.ToString() + " s"
                + (wakePin >= 0 ? " or until GPIO " + wakePin.ToString() + " goes " + (wakeHigh ? "high" : "low") : ""));
            _sleep.DeepSleep(_config.SleepSeconds, wakePin, wakeHigh);
        }

        /// <summary>
        /// After an input wake-up, the input's state once first read is an event (normally the state at boot is not),
        /// with the boot's time. A button is mostly released again by then: the press that woke the board is posted
        /// first (pressed, then released).
        /// </summary>
        private void RaiseBootEvent()
        {
            int state = _node.Sampler.InputState(_wakeInput.Pin);
            if (state < 0)
            {
                return; // not read yet
            }
            _bootEventDue = false;
            int index = _node.InputEvents.Events.IndexOf(_wakeInput.Identifier);
            if (_wakeInput.Type == "button" && state == 0)
            {
                _node.InputEvents.Add(index, true);
            }
            _node.InputEvents.Add(index, NodeEvents.Value(_wakeInput.Type, state == 1));
        }

        /// <summary>
        /// The wake pin's level: the opposite of its level now, so a door left open does not wake the board again at once
        /// (-1 when there is no wake input or it was never read).
        /// </summary>
        private int WakeLevel()
        {
            int state = _wakeInput == null ? -1 : _node.Sampler.InputState(_wakeInput.Pin);
            if (state < 0)
            {
                return -1;
            }
            bool high = (state == 1) != (_wakeInput.Pull == "up"); // active is low with a pull-up (DebouncedInput)
            return high ? 0 : 1;
        }
    }
}
