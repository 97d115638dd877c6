using OneNetFirmware.Host.Simulation;
using System;
using System.Collections.Generic;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Tests.Runtime.Sim;

/// <summary>A Wi-Fi that is down during scripted windows; Start/Restart are recorded.</summary>
public sealed class SimNetwork(VirtualClock clock, FaultPlan faults) : INetwork
{
    public readonly List<long> Restarts = new();
    public int Starts;
    /// <summary>When the radio was asked to save the credentials (a flash write on the ESP32).</summary>
    public readonly List<long> CredentialSaves = new();
    public bool IsUp => !faults.NetworkDown(clock.NowMilliseconds);
    public int Rssi => -60;
    public void Start(bool saveCredentials)
    {
        Starts++;
        if (saveCredentials) CredentialSaves.Add(clock.NowMilliseconds);
    }
    public int BlockingCalls => Starts + Restarts.Count;
    public void Restart(bool saveCredentials)
    {
        Restarts.Add(clock.NowMilliseconds);
        if (saveCredentials) CredentialSaves.Add(clock.NowMilliseconds);
    }
}

/// <summary>The board: a persistent record, settable free memory, reboots recorded (the harness restarts the node).</summary>
public sealed class SimBoard : IBoard
{
    public string Record = "";
    /// <summary>SaveRecord calls (flash writes on the device).</summary>
    public int Saves;
    public int FreeBytes = 100_000;
    public bool RebootRequested;
    public int FreeManagedBytes() => FreeBytes;
    public int LargestFreeNativeBlock() => 40_000;
    public string ResetCause => "power-on";
    public string LoadRecord() => Record;
    public void SaveRecord(string text)
    {
        Saves++;
        Record = text;
    }
    public void Reboot() => RebootRequested = true;
}

/// <summary>Log lines kept for assertions (and checked for secrets).</summary>
public sealed class SimLog : ILog
{
    public readonly List<string> Lines = new();
    public void Info(string message) => Lines.Add("I " + message);
    public void Warn(string message) => Lines.Add("W " + message);
    public void Error(string message) => Lines.Add("E " + message);
}

/// <summary>Token "tok:&lt;et&gt;" valid for an hour from a valid clock; null without one (a relative `et`).</summary>
public sealed class SimTokens : OneNetFirmware.Runtime.ITokenSource
{
    public string PasswordAt(bool utcValid, long utcUnixSeconds) =>
        utcValid ? "tok:" + (utcUnixSeconds + 3600).ToString() : null;
}
