using OneNetFirmware.Drivers.Gpio;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Host.Simulation;

/// <summary>
/// Simulated pins: tests drive input levels (with contact bounce as a fault) and read outputs. Edges are counted like
/// the device adapter's interrupt handler does. Opening a pin twice, or writing an input, throws.
/// </summary>
public sealed class SimulatedGpio : IGpioPort
{
    private readonly Dictionary<int, bool> _levels = new();
    private readonly Dictionary<int, bool> _isOutput = new();
    private readonly Dictionary<int, int> _edges = new();

    public void OpenInput(int pin, GpioPull pull)
    {
        Claim(pin, false);
        _levels[pin] = pull == GpioPull.Up;
    }

    public void OpenOutput(int pin, bool high)
    {
        Claim(pin, true);
        _levels[pin] = high;
    }

    public bool Read(int pin) => _levels[pin];

    /// <summary>True once the node opened the pin (as an input or an output).</summary>
    public bool IsOpen(int pin) => _isOutput.ContainsKey(pin);

    public void Write(int pin, bool high)
    {
        if (!_isOutput[pin]) throw new InvalidOperationException($"GPIO {pin} is an input");
        _levels[pin] = high;
    }

    public int TakeEdges(int pin)
    {
        _edges.TryGetValue(pin, out int edges);
        _edges[pin] = 0;
        return edges;
    }

    /// <summary>Drives an input to a level (counts an edge when it changes).</summary>
    public void Set(int pin, bool high)
    {
        if (_levels[pin] != high)
        {
            _levels[pin] = high;
            _edges[pin] = (_edges.TryGetValue(pin, out int e) ? e : 0) + 1;
        }
    }

    /// <summary>Fault: a bouncing contact toggles the line this many extra times before settling at the level.</summary>
    public void Bounce(int pin, bool finalHigh, int toggles)
    {
        for (int i = 0; i < toggles; i++) Set(pin, !_levels[pin]);
        Set(pin, finalHigh);
    }

    private void Claim(int pin, bool output)
    {
        if (_isOutput.ContainsKey(pin)) throw new InvalidOperationException($"GPIO {pin} is already open");
        _isOutput[pin] = output;
    }
}
