using System;
using System.Text;
using System.Text.Json;
using OneNetFirmware.OneNet;
using Xunit;

namespace OneNetFirmware.Host.Tests.OneNet
{
    /// <summary>Property-based (seeded System.Random): every payload parses with System.Text.Json and carries the values written.</summary>
    public class WriterRoundTripTests
    {
        private const string IdentChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

        [Fact]
        public void PropertyPostsRoundTrip()
        {
            var random = new Random(42);
            byte[] buffer = new byte[8192];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            for (int run = 0; run < 3000; run++)
            {
                int decimals = random.Next(0, 10);
                w.Decimals = decimals;
                int id = random.Next(1, int.MaxValue);
                w.BeginPropertyPost(id);
                int count = random.Next(0, 12);
                var names = new string[count];
                var values = new object[count];
                var times = new long[count];
                int skipped = 0;
                for (int i = 0; i < count; i++)
                {
                    names[i] = "p" + i + RandomText(random, IdentChars, random.Next(0, 15));
                    times[i] = random.Next(3) == 0 ? OneJsonWriter.NoTime : random.NextInt64(0, 9_999_999_999_999);
                    switch (random.Next(6))
                    {
                        case 0:
                            int iv = random.Next(int.MinValue, int.MaxValue);
                            values[i] = (long)iv;
                            w.Property(names[i], iv, times[i]);
                            break;
                        case 1:
                            long lv = random.NextInt64(long.MinValue, long.MaxValue);
                            values[i] = lv;
                            w.Property(names[i], lv, times[i]);
                            break;
                        case 2:
                            double dv = RandomDouble(random);
                            values[i] = dv;
                            w.Property(names[i], dv, times[i]);
                            if (!double.IsFinite(dv)) skipped++;
                            break;
                        case 3:
                            bool bv = random.Next(2) == 0;
                            values[i] = bv;
                            w.Property(names[i], bv, times[i]);
                            break;
                        default:
                            string sv = RandomUnicode(random, random.Next(0, 20));
                            values[i] = sv;
                            w.Property(names[i], sv, times[i]);
                            break;
                    }
                }
                int n = w.End();
                Assert.True(n > 0);
                using var doc = JsonDocument.Parse(buffer.AsMemory(0, n));
                var root = doc.RootElement;
                Assert.Equal(id.ToString(), root.GetProperty("id").GetString());
                Assert.Equal("1.0", root.GetProperty("version").GetString());
                var parameters = root.GetProperty("params");
                int present = 0;
                foreach (var _ in parameters.EnumerateObject()) present++;
                Assert.Equal(count - skipped, present);
                for (int i = 0; i < count; i++)
                {
                    if (values[i] is double d && !double.IsFinite(d))
                    {
                        Assert.False(parameters.TryGetProperty(names[i], out _));
                        continue;
                    }
                    var p = parameters.GetProperty(names[i]);
                    if (times[i] >= 0) Assert.Equal(times[i], p.GetProperty("time").GetInt64());
                    else Assert.False(p.TryGetProperty("time", out _));
                    var v = p.GetProperty("value");
                    switch (values[i])
                    {
                        case long l: Assert.Equal(l, v.GetInt64()); break;
                        case double dv:
                            double tolerance = 0.5 * Math.Pow(10, -decimals) + Math.Abs(dv) * 1e-15;
                            Assert.InRange(v.GetDouble(), dv - tolerance, dv + tolerance);
                            Assert.False(v.GetRawText().StartsWith("-0") && v.GetDouble() == 0, v.GetRawText());
                            break;
                        case bool b: Assert.Equal(b, v.GetBoolean()); break;
                        case string s: Assert.Equal(Utf16Normalised(s), v.GetString()); break;
                    }
                }
            }
        }

        [Fact]
        public void RepliesEventsHistoryAndDesiredGetRoundTrip()
        {
            var random = new Random(7);
            byte[] buffer = new byte[16384];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            for (int run = 0; run < 500; run++)
            {
                string msg = RandomUnicode(random, random.Next(0, 30));
                int code = random.Next(100, 600);
                w.BeginReply(random.Next().ToString(), code, msg);
                w.BeginData();
                double x = Math.Round(random.NextDouble() * 2000 - 1000, 2);
                w.Member("x", x);
                w.Member("s", msg);
                int n = w.End();
                using (var doc = JsonDocument.Parse(buffer.AsMemory(0, n)))
                {
                    Assert.Equal(code, doc.RootElement.GetProperty("code").GetInt32());
                    Assert.Equal(Utf16Normalised(msg), doc.RootElement.GetProperty("msg").GetString());
                    Assert.Equal(x, doc.RootElement.GetProperty("data").GetProperty("x").GetDouble(), 9);
                }

                w.BeginHistoryPost(run + 1);
                int identifiers = random.Next(1, 4);
                int[] points = new int[identifiers];
                for (int k = 0; k < identifiers; k++)
                {
                    w.BeginHistory("h" + k);
                    points[k] = random.Next(0, 120);
                    for (int j = 0; j < points[k]; j++) w.Point(random.Next(-500, 500) / 4.0, 1_700_000_000_000 + j);
                    w.EndHistory();
                }
                n = w.End();
                using (var doc = JsonDocument.Parse(buffer.AsMemory(0, n)))
                {
                    var props = doc.RootElement.GetProperty("params")[0].GetProperty("properties");
                    for (int k = 0; k < identifiers; k++)
                    {
                        Assert.Equal(Math.Min(points[k], 100), props.GetProperty("h" + k).GetArrayLength());
                    }
                }

                string[] ids = { "power", "temperature", "mode" };
                n = w.DesiredGet(run + 1, ids, random.Next(0, 4));
                using (var doc = JsonDocument.Parse(buffer.AsMemory(0, n)))
                {
                    Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("params").ValueKind);
                }
            }
        }

        [Fact]
        public void WritingAPropertyPostAllocatesNothing()
        {
            byte[] buffer = new byte[512];
            var w = new OneJsonWriter(buffer, 0, buffer.Length);
            WritePost(w); // warm up (JIT, statics)
            long before = GC.GetAllocatedBytesForCurrentThread();
            int total = 0;
            for (int i = 0; i < 1000; i++) total += WritePost(w);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(total > 0);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void ReadingASetAllocatesNothing()
        {
            byte[] payload = Encoding.UTF8.GetBytes("{\"id\":\"5\",\"version\":\"1.0\",\"params\":{\"temperature\":30.5,\"on\":true,\"name\":\"x\"}}");
            var r = new OneJsonReader();
            long before = 0;
            double sum = 0;
            for (int i = -1; i < 1000; i++)
            {
                // The first pass encodes the compared names once (Utf8Cache); from then on nothing is allocated.
                if (i == 0) before = GC.GetAllocatedBytesForCurrentThread();
                r.Read(payload, 0, payload.Length);
                r.OpenParams();
                while (r.NextMember())
                {
                    if (r.NameEquals("temperature") && r.TryGetDouble(out double d)) sum += d;
                }
                sum += r.IdNumber;
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(35500 + 35.5, sum);
        }

        [Fact]
        public void TheBenchmarkPostIs322Bytes()
        {
            byte[] buffer = new byte[512];
            int n = WritePost(new OneJsonWriter(buffer, 0, buffer.Length));
            Assert.Equal("{\"id\":\"123456\",\"version\":\"1.0\",\"params\":{\"temperature\":{\"value\":23.56,\"time\":1764000000123},"
                + "\"humidity\":{\"value\":45.2,\"time\":1764000000123},\"pressure\":{\"value\":1013.25,\"time\":1764000000123},"
                + "\"light\":{\"value\":312,\"time\":1764000000123},\"door\":{\"value\":true,\"time\":1764000000123},"
                + "\"battery\":{\"value\":3.71,\"time\":1764000000123}}}", Encoding.ASCII.GetString(buffer, 0, n));
            Assert.Equal(322, n);
        }

        internal static int WritePost(OneJsonWriter w)
        {
            w.BeginPropertyPost(123456);
            w.Property("temperature", 23.56, 1_764_000_000_123);
            w.Property("humidity", 45.2, 1_764_000_000_123);
            w.Property("pressure", 1013.25, 1_764_000_000_123);
            w.Property("light", 312, 1_764_000_000_123);
            w.Property("door", true, 1_764_000_000_123);
            w.Property("battery", 3.71, 1_764_000_000_123);
            return w.End();
        }

        private static double RandomDouble(Random random)
        {
            switch (random.Next(8))
            {
                case 0: return double.NaN;
                case 1: return random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity;
                case 2: return -0.0;
                case 3: return (random.NextDouble() - 0.5) * 1e-6;
                default: return (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 8));
            }
        }

        private static string RandomText(Random random, string alphabet, int length)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            return new string(chars);
        }

        // Control characters, quotes, backslashes, BMP text, surrogate pairs and the odd lone surrogate.
        private static string RandomUnicode(Random random, int length)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < length; i++)
            {
                switch (random.Next(7))
                {
                    case 0: sb.Append((char)random.Next(0, 0x20)); break;
                    case 1: sb.Append("\"\\/"[random.Next(3)]); break;
                    case 2: sb.Append((char)random.Next(0x80, 0x800)); break;
                    case 3: sb.Append((char)random.Next(0x800, 0xD800)); break;
                    case 4: sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000))); break;
                    case 5: sb.Append((char)random.Next(0xD800, 0xE000)); break;
                    default: sb.Append((char)random.Next(0x20, 0x7F)); break;
                }
            }
            return sb.ToString();
        }

        // What the writer promises for a lone surrogate: U+FFFD.
        private static string Utf16Normalised(string s) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s));
    }
}
