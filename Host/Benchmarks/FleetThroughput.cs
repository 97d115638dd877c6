using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Tests.Mqtt;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// A measured run, not a BenchmarkDotNet job: `dotnet run -c Release --project Host/Benchmarks -- fleet [nodes] [seconds]`.
    /// Connects that many devices (one MqttNetLink each) to one in-process emulator, then worker threads keep every
    /// device posting — each sends one property post and waits for its reply before the next — and the emulator's
    /// accepted posts per second are counted over the measuring window, at QoS 0 and at QoS 1. Clients and emulator
    /// share the machine, so the figure is a lower bound for the emulator alone.
    /// </summary>
    public static class FleetThroughput
    {
        private const int Workers = 8;

        public static void Run(string[] args)
        {
            int nodes = args.Length > 1 ? int.Parse(args[1]) : 200;
            int seconds = args.Length > 2 ? int.Parse(args[2]) : 10;
            var options = new EmulatorOptions { BindAddress = IPAddress.Loopback, Port = FreePort.Next() };
            var keys = new string[nodes];
            for (int i = 0; i < nodes; i++)
            {
                keys[i] = Convert.ToBase64String(Encoding.ASCII.GetBytes("bench-key-" + i.ToString("D4") + "-0123456789abcdef"));
                options.Devices.Add(new RegisteredDevice(ReplyAwaitingLink.ProductId, Name(i), keys[i]));
            }
            var emulator = new OneNetEmulator(options);
            long accepted = 0;
            emulator.PostAccepted += _ => Interlocked.Increment(ref accepted);
            emulator.StartAsync().GetAwaiter().GetResult();

            var connecting = Stopwatch.StartNew();
            var links = new List<ReplyAwaitingLink>();
            for (int i = 0; i < nodes; i++) links.Add(new ReplyAwaitingLink(options.Port, Name(i), keys[i]));
            Console.WriteLine($"{nodes} devices connected and subscribed in {connecting.Elapsed.TotalSeconds:0.00} s ({emulator.AcceptedConnections} accepted connections)");

            foreach (int qos in new[] { 0, 1 })
            {
                int failures = 0;
                bool stop = false;
                var threads = new Thread[Workers];
                for (int w = 0; w < Workers; w++)
                {
                    int shard = w;
                    threads[w] = new Thread(() =>
                    {
                        while (!Volatile.Read(ref stop))
                        {
                            for (int i = shard; i < nodes; i += Workers)
                            {
                                if (!links[i].Publish(qos)) Interlocked.Increment(ref failures);
                            }
                            for (int i = shard; i < nodes; i += Workers)
                            {
                                if (!links[i].AwaitReply()) Interlocked.Increment(ref failures);
                            }
                        }
                    }) { IsBackground = true };
                    threads[w].Start();
                }
                Thread.Sleep(2000); // warm-up
                long before = Interlocked.Read(ref accepted);
                var window = Stopwatch.StartNew();
                Thread.Sleep(TimeSpan.FromSeconds(seconds));
                long count = Interlocked.Read(ref accepted) - before;
                double elapsed = window.Elapsed.TotalSeconds;
                Volatile.Write(ref stop, true);
                foreach (Thread t in threads) t.Join();
                Console.WriteLine($"QoS {qos}: {count / elapsed:0} accepted posts/s with {nodes} connected devices posting ({count} in {elapsed:0.0} s, {failures} failed sends/replies)");
            }
            foreach (ReplyAwaitingLink link in links) link.Dispose();
            emulator.StopAsync().GetAwaiter().GetResult();
        }

        private static string Name(int i) => "fleet-" + i.ToString("D4");
    }
}
