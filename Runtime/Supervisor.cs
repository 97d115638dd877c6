using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Owns connectivity and is the watchdog. One thread calls Step(now) in a loop (the test harness calls it directly);
    /// each step makes at most one blocking call (network start/restart, CONNECT, SUBSCRIBE, DISCONNECT or reboot).
    /// States: NetworkDown → NetworkUp → Connecting → Subscribed → Online. Reconnects wait a full-jitter backoff, never
    /// break OneNET's login limit and always carry a fresh token. On continuous downtime the ladder escalates:
    /// reconnect MQTT → restart the network (every RestartNetworkAfterMinutes) → reboot (RebootAfterDowntimeMinutes).
    /// It also reboots when the main loop's heartbeat stops or free memory stays low, recording why first. Tunables:
    /// RuntimeDefaults; the thread model: docs/architecture.md "Threads".
    /// </summary>
    public sealed partial class Supervisor
    {
        private readonly INetwork _network;
        private readonly IMqttLink _link;
        private readonly IClock _clock;
        private readonly IBoard _board;
        private readonly ILog _log;
        private readonly ITokenSource _tokens;
        private readonly MqttConnectOptions _options;
        private readonly SessionSubscriptions _subscriptions;
        private readonly LinkEvents _events;
        private readonly Heartbeat _heartbeat;
        private readonly NodeCounters _counters;
        private readonly NodeRecord _record;
        private readonly Backoff _backoff;
        private readonly LoginLimiter _limiter = new LoginLimiter();
        private readonly CredentialSaves _credentialSaves = new CredentialSaves();
        private readonly long _restartNetworkMs;
        private readonly long _rebootMs;
        private readonly long _heartbeatTimeoutMs;
        private readonly LowMemoryWatch _memory;
        private readonly long _stableMs;
        private readonly long _bootLoopWindowMs;
        private readonly int _bootLoopMaxReboots;

        private readonly object _lock = new object();
        private SupervisorState _state = SupervisorState.NetworkDown;
        private int _sessions;
        private string _rebootRequest;
        private bool _stalled;
        private bool _networkStarted;
        private long _stateSinceMs;
        private long _downSinceMs;
        private int _networkRestartsThisOutage;
        private long _nextAttemptMs;
        private long _connectedMs;
        private bool _stable;
        private bool _bootLoopCleared;
        private int _quickDropsInRow;
        private bool _waitingForToken;

        /// <param name="uplink">Gives the MQTT link (connect, subscribe, disconnect; never publish) and the topics.</param>
        public Supervisor(NodeContext node, INetwork network, Uplink uplink, LinkEvents events, ITokenSource tokens,
            NodeConfig config)
        {
            _network = network;
            _link = uplink.Link;
            _clock = node.Clock;
            _board = node.Board;
            _log = node.Log;
            _tokens = tokens;
            _options = ConnectOptions(config.OneNet);
            _subscriptions = new SessionSubscriptions(uplink.Topics.RequiredSubscriptions,
                uplink.Topics.OptionalSubscriptions, node.Log);
            _events = events;
            _heartbeat = node.Heartbeat;
            _counters = node.Counters;
            _record = node.Record;
            WatchdogConfig watchdog = config.Watchdog;
            _backoff = new Backoff(watchdog.BackoffBaseSeconds * 1000, watchdog.BackoffCapSeconds * 1000, node.Random);
            _restartNetworkMs = watchdog.RestartNetworkAfterMinutes * 60000L;
            _rebootMs = watchdog.RebootAfterDowntimeMinutes * 60000L;
            _heartbeatTimeoutMs = watchdog.HeartbeatTimeoutSeconds * 1000L;
            _stableMs = watchdog.StableSessionSeconds * 1000L;
            _bootLoopWindowMs = watchdog.BootLoopWindowMinutes * 60000L;
            _bootLoopMaxReboots = watchdog.BootLoopMaxReboots;
            long now = _clock.NowMilliseconds;
            _stateSinceMs = now;
            _downSinceMs = now;
            _nextAttemptMs = now;
            _memory = new LowMemoryWatch(_board, watchdog.MinFreeMemoryBytes, now);
            _link.SetListener(events);
            if (_bootLoopMaxReboots > 0 && _record.RecentWatchdogReboots >= _bootLoopMaxReboots)
            {
                _counters.BootLoopGuardActive = true;
                _log.Error("boot-loop guard: " + _record.RecentWatchdogReboots.ToString()
                    + " watchdog reboots without a stable session; no more watchdog reboots, still trying to connect");
            }
        }

        private static MqttConnectOptions ConnectOptions(OneNetConfig onenet)
        {
            var options = new MqttConnectOptions();
            options.Host = onenet.Host;
            options.Port = onenet.Port;
            options.Tls = onenet.Tls;
            options.ClientId = onenet.DeviceName;
            options.UserName = onenet.ProductId;
            options.KeepAliveSeconds = onenet.KeepAliveSeconds;
            return options;
        }

        public SupervisorState State { get { lock (_lock) { return _state; } } }

        public bool IsOnline { get { return State == SupervisorState.Online; } }

        /// <summary>Counts sessions that reached Subscribed; the main loop starts its per-session work when it changes.</summary>
        public int Sessions { get { lock (_lock) { return _sessions; } } }

        /// <summary>How often the network was allowed to save the Wi-Fi credentials (a flash write each on the ESP32).</summary>
        public CredentialSaves CredentialSaves { get { return _credentialSaves; } }

        /// <summary>The CA certificate PEM used when TLS is on.</summary>
        public void SetCaCertificate(string pem)
        {
            _options.CaCertificatePem = pem;
        }

        /// <summary>Asks for a reboot on the next step (the `reboot` service); not a watchdog reboot.</summary>
        public void RequestReboot(string reason)
        {
            lock (_lock)
            {
                _rebootRequest = reason;
            }
        }

        /// <summary>The main loop saw no reply to its posts for too long (Outbox/EventOutbox.IsStalled): end the session on the next step.</summary>
        public void ReportStalled()
        {
            lock (_lock)
            {
                _stalled = true;
            }
        }

        private bool TakeStalled()
        {
            lock (_lock)
            {
                bool stalled = _stalled;
                _stalled = false;
                return stalled;
            }
        }

        /// <summary>One step of the supervisor at nowMs: checks, then at most one blocking call.</summary>
        public void Step(long nowMs)
        {
            if (State == SupervisorState.Rebooting)
            {
                return;
            }
            string request;
            lock (_lock)
            {
                request = _rebootRequest;
            }
            if (request != null)
            {
                Reboot(request, false);
                return;
            }
            if (CheckWatchdog(nowMs))
            {
                return;
            }
            switch (State)
            {
                case SupervisorState.NetworkDown:
                    StepNetworkDown(nowMs);
                    break;
                case SupervisorState.NetworkUp:
                    StepNetworkUp(nowMs);
                    break;
                case SupervisorState.Connecting:
                    StepSubscribe(nowMs);
                    break;
                case SupervisorState.Subscribed:
                    lock (_lock)
                    {
                        _sessions++;
                    }
                    _downSinceMs = -1;
                    _networkRestartsThisOutage = 0;
                    SetState(SupervisorState.Online, nowMs);
                    break;
                case SupervisorState.Online:
                    StepOnline(nowMs);
                    break;
            }
        }

        private void StepNetworkDown(long nowMs)
        {
            if (_network.IsUp)
            {
                SetState(SupervisorState.NetworkUp, nowMs);
                return;
            }
            if (!_networkStarted || nowMs - _stateSinceMs >= RuntimeDefaults.NetworkDeadlineMilliseconds)
            {
                _networkStarted = true;
                _stateSinceMs = nowMs;
                _network.Start(_credentialSaves.Take(nowMs));
            }
        }

        private void StepNetworkUp(long nowMs)
        {
            if (!_network.IsUp)
            {
                SetState(SupervisorState.NetworkDown, nowMs);
                return;
            }
            if (nowMs < _nextAttemptMs || nowMs < _limiter.EarliestNextAttempt(nowMs))
            {
                return;
            }
            string password = _tokens.PasswordAt(_clock.IsUtcValid, _clock.UtcUnixMilliseconds / 1000);
            if (password == null)
            {
                // Never CONNECT with a token that is (or may be) expired; SNTP will set the clock. Logged once per wait.
                if (!_waitingForToken)
                {
                    _waitingForToken = true;
                    _log.Warn("no valid token yet (clock not set?): waiting before connecting");
                }
                _nextAttemptMs = nowMs + RuntimeDefaults.TokenWaitMilliseconds;
                return;
            }
            _waitingForToken = false;
            _options.Password = password;
            _options.TimeoutMilliseconds = RuntimeDefaults.ConnectDeadlineMilliseconds;
            _limiter.Record(nowMs);
            _counters.ConnectAttempts++;
            _events.TakeConnectionLost();
            TakeStalled();
            int result = _link.Connect(_options);
            _options.Password = null;
            long after = _clock.NowMilliseconds;
            if (result == ConnectResult.Accepted)
            {
                _counters.MqttConnects++;
                _connectedMs = after;
                _subscriptions.Restart();
                _stable = false;
                SetState(SupervisorState.Connecting, after);
                return;
            }
            _link.Disconnect();
            long delay = _backoff.NextDelayMilliseconds();
            if (ConnectResult.IsAuthFailure(result))
            {
                _counters.AuthFailures++;
                _log.Error("OneNET refused the credentials (CONNACK " + result.ToString()
                    + "): check product id, device name, device key and the clock");
                if (delay < RuntimeDefaults.AuthRetryFloorMilliseconds)
                {
                    delay = RuntimeDefaults.AuthRetryFloorMilliseconds;
                }
            }
            else
            {
                _log.Warn("CONNECT failed (" + result.ToString() + ")");
            }
            ScheduleRetry(after, delay);
        }

        private void StepSubscribe(long nowMs)
        {
            if (_events.TakeConnectionLost() || !_link.IsConnected)
            {
                SessionEnded(nowMs, "session lost while subscribing");
                return;
            }
            if (nowMs - _stateSinceMs >= RuntimeDefaults.ConnectDeadlineMilliseconds)
            {
                SessionEnded(nowMs, "subscribe deadline passed");
                return;
            }
            int result = _subscriptions.Step(_link);
            if (result == SessionSubscriptions.RequiredFailed)
            {
                SessionEnded(_clock.NowMilliseconds, "SUBSCRIBE of " + _subscriptions.FirstRequired + " failed");
            }
            else if (result == SessionSubscriptions.Lost)
            {
                SessionEnded(_clock.NowMilliseconds, "session lost while subscribing");
            }
            else if (result == SessionSubscriptions.Done)
            {
                SetState(SupervisorState.Subscribed, _clock.NowMilliseconds);
            }
        }

        // Every step while online: the session's end and the once-only changes are methods of their own (cold).
        private void StepOnline(long nowMs)
        {
            if (_events.TakeConnectionLost() || !_link.IsConnected || !_network.IsUp)
            {
                EndLostSession(nowMs);
                return;
            }
            if (TakeStalled())
            {
                EndStalledSession(nowMs);
                return;
            }
            long up = nowMs - _connectedMs;
            if (!_stable && up >= _stableMs)
            {
                _stable = true;
                _backoff.Reset();
                _quickDropsInRow = 0;
                _counters.DuplicateDeviceSuspected = false;
            }
            if (!_bootLoopCleared && up >= _bootLoopWindowMs && _record.RecentWatchdogReboots > 0)
            {
                ClearBootLoop();
            }
        }

        private void EndLostSession(long nowMs)
        {
            SessionEnded(nowMs, "connection lost");
        }

        private void EndStalledSession(long nowMs)
        {
            SessionEnded(nowMs, "no reply from OneNET to any post for " + RuntimeDefaults.StallReplyTimeouts.ToString()
                + " reply timeouts: connection stalled");
        }

        // Online long enough: earlier watchdog reboots no longer count towards a boot loop (saved once).
        private void ClearBootLoop()
        {
            _bootLoopCleared = true;
            _record.RecentWatchdogReboots = 0;
            _record.Save(_board);
            _counters.BootLoopGuardActive = false;
        }

        private void SessionEnded(long nowMs, string why)
        {
            _counters.MqttDisconnects++;
            long lasted = nowMs - _connectedMs;
            _link.Disconnect();
            if (_downSinceMs < 0)
            {
                _downSinceMs = nowMs;
            }
            long delay = _backoff.NextDelayMilliseconds();
            if (lasted < RuntimeDefaults.QuickDropMilliseconds)
            {
                _counters.QuickDrops++;
                _quickDropsInRow++;
                if (_quickDropsInRow >= RuntimeDefaults.DuplicateSuspectDrops)
                {
                    if (!_counters.DuplicateDeviceSuspected)
                    {
                        _log.Error("the session keeps dropping right after CONNECT: is another board using device name '"
                            + _options.ClientId + "'?");
                    }
                    _counters.DuplicateDeviceSuspected = true;
                    delay += (long)RuntimeDefaults.DuplicatePenaltyMilliseconds
                        * (_quickDropsInRow - RuntimeDefaults.DuplicateSuspectDrops + 1);
                }
            }
            else if (lasted >= _stableMs)
            {
                _quickDropsInRow = 0;
            }
            _log.Warn(why + " after " + (lasted / 1000).ToString() + " s");
            ScheduleRetry(nowMs, delay);
        }

        private void ScheduleRetry(long nowMs, long delay)
        {
            _nextAttemptMs = nowMs + delay;
            if (_downSinceMs < 0)
            {
                _downSinceMs = nowMs;
            }
            SetState(_network.IsUp ? SupervisorState.NetworkUp : SupervisorState.NetworkDown, nowMs);
        }

        private void SetState(SupervisorState state, long nowMs)
        {
            lock (_lock)
            {
                _state = state;
            }
            _stateSinceMs = nowMs;
        }
    }
}
