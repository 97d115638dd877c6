using System;
using System.Collections.Generic;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>docs/onenet-protocol.md "CONNECT rules and limits": more than `limit` CONNECTs of one device within `window` → banned for `ban` (5 min on OneNET).</summary>
    public sealed class LoginRateLimiter
    {
        private readonly int _limit;
        private readonly TimeSpan _window;
        private readonly TimeSpan _ban;
        private readonly Dictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> _bannedUntil = new(StringComparer.Ordinal);

        public LoginRateLimiter(int limit, TimeSpan window, TimeSpan ban)
        {
            _limit = limit;
            _window = window;
            _ban = ban;
        }

        public enum Verdict { Allowed, NowBanned, StillBanned }

        /// <summary>Records a CONNECT of `clientId` at `now` and says whether it may proceed.</summary>
        public Verdict Attempt(string clientId, DateTimeOffset now)
        {
            lock (_attempts)
            {
                if (_bannedUntil.TryGetValue(clientId, out DateTimeOffset until))
                {
                    if (now < until) return Verdict.StillBanned;
                    _bannedUntil.Remove(clientId);
                }
                if (!_attempts.TryGetValue(clientId, out Queue<DateTimeOffset> times)) _attempts[clientId] = times = new Queue<DateTimeOffset>();
                while (times.Count > 0 && now - times.Peek() >= _window) times.Dequeue();
                times.Enqueue(now);
                if (times.Count <= _limit) return Verdict.Allowed;
                times.Clear();
                _bannedUntil[clientId] = now + _ban;
                return Verdict.NowBanned;
            }
        }
    }
}
