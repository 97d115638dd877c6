using OneNetFirmware.Config;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// One wake-up in battery mode, on top of the always-on runtime: restore the outbox and input events saved before the last sleep,
    /// sample every sensor once (the sampler's first pass; the intervals are then stretched past the awake limit), let
    /// the supervisor connect (its own thread on the device), post the fresh readings as one property/post first (the
    /// current values, even if the limit cuts the rest short), then back-fill the restored ones oldest first with
    /// history/post, apply downlinks as usual (desired/get after CONNECT), and end when every post is
    /// acknowledged and nothing moved for QuietMilliseconds (time for the desired/get reply and diagnostics) — or at
    /// the hard awake limit, counted from Begin. Then save what is unacknowledged and deep-sleep. Diagnostics go out
    /// only on every Nth wake-up (by the record's boot count), when node.diagnosticsIntervalSeconds is not 0.
    /// </summary>
    public sealed class BatteryCycle
    {
        /// <summary>Online, outbox empty, this long: done (covers the desired/get reply and one more paced post).</summary>
        public const int QuietMilliseconds = 2000;

        private readonly NodeRuntime _node;
        private readonly OutboxFile _file;
        private readonly BatteryConfig _config;
        private readonly IMqttLink _link;
        private readonly IDeepSleep _sleep;
        private readonly IClock _clock;
        private readonly ILog _log;
        private long _startMs;
        private long _quietSinceMs = -1;
        private bool _limitReached;
        private bool _savedForReboot;

        public BatteryCycle(NodeRuntime node, OutboxFile file, BatteryConfig config, IMqttLink link, IDeepSleep sleep,
            IClock clock, ILog log)
        {
            _node = node;
            _file = file;
            _config = config;
            _link = link;
            _sleep = sleep;
            _clock = clock;
            _log = log;
        }

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
                _clock.Sleep(NodeRuntime.StepMilliseconds);
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
            int restored = _file.Restore(_node.Outbox, _node.InputEvents, timer ? _config.SleepSeconds * 1000L : -1);
            _log.Info("battery: wake-up " + wake.ToString() + (timer ? " (timer)" : " (power-on or reset)") + ", "
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
            return nowMs - _quietSinceMs >= QuietMilliseconds;
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
            _log.Info("battery: awake " + (awake / 1000).ToString() + " s, " + pending.ToString()
                + (events > 0 ? " unacknowledged readings and " + events.ToString() + " input events" : " unacknowledged readings")
                + (saved ? " saved" : " NOT saved (storage failed)")
                + "; deep sleep for " + _config.SleepSeconds.ToString() + " s");
            _sleep.DeepSleep(_config.SleepSeconds);
        }
    }
}
