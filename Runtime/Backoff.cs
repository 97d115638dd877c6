using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Full-jitter exponential backoff: the n-th delay is random(0, min(cap, base·2^n)) (AWS backoffAlgorithm).
    /// Jitter keeps a fleet from reconnecting in lockstep after a broker restart.
    /// </summary>
    public sealed class Backoff
    {
        private readonly int _baseMs;
        private readonly int _capMs;
        private readonly IRandomSource _random;
        private int _attempt;

        public Backoff(int baseMilliseconds, int capMilliseconds, IRandomSource random)
        {
            _baseMs = baseMilliseconds < 1 ? 1 : baseMilliseconds;
            _capMs = capMilliseconds < _baseMs ? _baseMs : capMilliseconds;
            _random = random;
        }

        /// <summary>How many delays were handed out since the last Reset.</summary>
        public int Attempt { get { return _attempt; } }

        /// <summary>The upper bound min(cap, base·2^n) of the n-th delay, without overflow.</summary>
        public int Ceiling(int attempt)
        {
            long ceiling = _baseMs;
            for (int i = 0; i < attempt && ceiling < _capMs; i++)
            {
                ceiling *= 2;
            }
            return ceiling > _capMs ? _capMs : (int)ceiling;
        }

        /// <summary>The next delay in milliseconds, in [0, Ceiling(Attempt)]; then the attempt count grows.</summary>
        public int NextDelayMilliseconds()
        {
            int ceiling = Ceiling(_attempt);
            if (_attempt < 30)
            {
                _attempt++;
            }
            return _random.Next(ceiling + 1);
        }

        /// <summary>Back to the first delay; only after a session proved stable.</summary>
        public void Reset()
        {
            _attempt = 0;
        }
    }
}
