namespace OneNetFirmware.Runtime
{
    // Supervisor, part 2: the watchdog — the main loop's heartbeat, free memory and the downtime ladder (restart the
    // network, then reboot), and the reboot itself.
    public sealed partial class Supervisor
    {
        /// <summary>
        /// Heartbeat, memory and the downtime ladder. True when this step was used (reboot or restart). Runs every step,
        /// so what happens rarely (a reboot, a network restart) is a method of its own that holds its message text: a
        /// literal allocates at each use on the device (docs/performance.md); the IL scan lists those as cold.
        /// </summary>
        private bool CheckWatchdog(long nowMs)
        {
            if (_heartbeatTimeoutMs > 0 && nowMs - _heartbeat.LastBeatMilliseconds >= _heartbeatTimeoutMs)
            {
                return RebootHeartbeatStopped();
            }
            if (_memory.RebootDue(nowMs))
            {
                return RebootLowMemory();
            }
            if (_downSinceMs < 0)
            {
                return false;
            }
            long down = nowMs - _downSinceMs;
            if (_rebootMs > 0 && down >= _rebootMs && !_counters.BootLoopGuardActive)
            {
                return RebootOffline(down);
            }
            if (_restartNetworkMs > 0 && down >= _restartNetworkMs * (_networkRestartsThisOutage + 1))
            {
                RestartNetwork(nowMs, down);
                return true;
            }
            return false;
        }

        private bool RebootHeartbeatStopped()
        {
            return Reboot("main loop heartbeat stopped", true);
        }

        private bool RebootLowMemory()
        {
            return Reboot("free memory below " + _memory.MinFreeBytes.ToString() + " bytes", true);
        }

        private bool RebootOffline(long down)
        {
            return Reboot("offline for " + (down / 60000).ToString() + " min", true);
        }

        private void RestartNetwork(long nowMs, long down)
        {
            _networkRestartsThisOutage++;
            _counters.NetworkRestarts++;
            _log.Warn("offline for " + (down / 1000).ToString() + " s: restarting the network");
            if (State == SupervisorState.Connecting)
            {
                _link.Disconnect(); // the only state below Online where a session object is still open
            }
            _network.Restart(_credentialSaves.Take(nowMs));
            _networkStarted = true;
            SetState(SupervisorState.NetworkDown, nowMs);
        }

        private bool Reboot(string reason, bool watchdog)
        {
            if (watchdog && _counters.BootLoopGuardActive)
            {
                return false;
            }
            _log.Error("rebooting: " + reason);
            _record.LastRebootReason = reason;
            if (watchdog)
            {
                _record.RecentWatchdogReboots++;
            }
            _record.Save(_board);
            SetState(SupervisorState.Rebooting, _clock.NowMilliseconds);
            _link.Disconnect();
            _board.Reboot();
            return true;
        }
    }
}
