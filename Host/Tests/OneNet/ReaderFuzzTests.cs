using System;
using System.Text;
using OneNetFirmware.OneNet;
using Xunit;

namespace OneNetFirmware.Host.Tests.OneNet
{
    /// <summary>The reader never throws: a million random and mutated payloads, plus the pathological ones.</summary>
    public class ReaderFuzzTests
    {
        internal static readonly string[] Seeds =
        {
            "{\"id\":\"12\",\"code\":200,\"msg\":\"success\"}",
            "{\"id\":\"5\",\"version\":\"1.0\",\"params\":{\"temperature\":30.5,\"on\":true,\"mode\":\"eco\",\"n\":-1e5}}",
            "{\"id\":\"7\",\"version\":\"1.0\",\"params\":[\"temperature\",\"humidity\"]}",
            "{\"id\":\"8\",\"code\":200,\"msg\":\"success\",\"data\":{\"power\":{\"value\":\"on\",\"version\":2},\"t\":{\"value\":[1,{\"a\":null}],\"version\":3}}}",
            "{\"id\":\"11\",\"version\":\"1.0\",\"params\":{\"a\":1,\"b\":\"\\u00e9\\n\",\"c\":{\"d\":[true,false]}}}",
        };

        [Fact]
        public void SurvivesAMillionRandomAndMutatedPayloads()
        {
            var random = new Random(2024);
            var reader = new OneJsonReader();
            byte[][] seeds = Array.ConvertAll(Seeds, Encoding.UTF8.GetBytes);
            byte[] buffer = new byte[512];
            int accepted = 0;
            for (int run = 0; run < 1_000_000; run++)
            {
                int length = NextPayload(random, seeds, buffer, run);
                if (reader.Read(buffer, 0, length) == ReplyCodes.Success)
                {
                    accepted++;
                    Exercise(reader);
                }
            }
            Assert.InRange(accepted, 1000, 999_000); // the mutations produce both valid and invalid JSON
        }

        /// <summary>Writes the run's payload into buffer: random bytes every fourth run, else a seed mutated 1–3 times.</summary>
        internal static int NextPayload(Random random, byte[][] seeds, byte[] buffer, int run)
        {
            const string alphabet = "{}[]\":,\\ 0123456789-+.eEtrufalsn";
            int length;
            if (run % 4 == 0)
            {
                length = random.Next(0, 64);
                for (int i = 0; i < length; i++) buffer[i] = random.Next(2) == 0 ? (byte)alphabet[random.Next(alphabet.Length)] : (byte)random.Next(256);
            }
            else
            {
                byte[] seed = seeds[random.Next(seeds.Length)];
                Array.Copy(seed, buffer, seed.Length);
                length = seed.Length;
                int mutations = random.Next(1, 4);
                for (int m = 0; m < mutations; m++)
                {
                    int at = random.Next(length);
                    switch (random.Next(4))
                    {
                        case 0: buffer[at] = (byte)random.Next(256); break;
                        case 1: buffer[at] = (byte)alphabet[random.Next(alphabet.Length)]; break;
                        case 2: length = at; break; // truncate
                        default:
                            if (length < buffer.Length - 1)
                            {
                                Array.Copy(buffer, at, buffer, at + 1, length - at);
                                buffer[at] = (byte)alphabet[random.Next(alphabet.Length)];
                                length++;
                            }
                            break;
                    }
                }
            }
            return length;
        }

        [Fact]
        public void SurvivesPathologicalPayloads()
        {
            var reader = new OneJsonReader();
            var random = new Random(5);
            byte[] garbage = new byte[256 * 1024];
            random.NextBytes(garbage);
            Assert.Equal(ReplyCodes.Malformed, reader.Read(garbage, 0, garbage.Length));

            byte[] deep = Encoding.ASCII.GetBytes("{\"params\":" + new string('[', 100_000) + new string(']', 100_000) + "}");
            Assert.Equal(ReplyCodes.Malformed, reader.Read(deep, 0, deep.Length));

            byte[] hugeNumber = Encoding.ASCII.GetBytes("{\"params\":{\"x\":" + new string('9', 100_000) + "e99999999999}}");
            Assert.Equal(ReplyCodes.Success, reader.Read(hugeNumber, 0, hugeNumber.Length));
            reader.OpenParams();
            Assert.True(reader.NextMember());
            Assert.False(reader.TryGetDouble(out _));
            Assert.False(reader.TryGetLong(out _));

            byte[] duplicates = Encoding.ASCII.GetBytes("{\"params\":{\"x\":1,\"x\":\"two\"}}");
            Assert.Equal(ReplyCodes.Success, reader.Read(duplicates, 0, duplicates.Length));
            Exercise(reader);

            byte[] longString = Encoding.ASCII.GetBytes("{\"msg\":\"" + new string('a', 200_000) + "\"}");
            Assert.Equal(ReplyCodes.Success, reader.Read(longString, 0, longString.Length));
            Assert.Equal(200_000, reader.MsgText().Length);
        }

        // Calls every accessor the runtime might, on whatever shape was accepted.
        private static void Exercise(OneJsonReader r)
        {
            _ = r.IdNumber;
            _ = r.Code;
            _ = r.IdLength;
            if (r.OpenParams()) Walk(r);
            if (r.OpenData()) Walk(r);
        }

        private static void Walk(OneJsonReader r)
        {
            for (int guard = 0; guard < 64; guard++)
            {
                bool more = r.NextMember() || r.NextElement();
                if (!more) return;
                r.NameEquals("temperature");
                r.ValueEquals("humidity");
                r.TryGetDouble(out _);
                r.TryGetLong(out _);
                r.TryGetBool(out _);
                if (r.ValueKind == JsonKind.String) r.ValueText();
                r.SelectDesired(out _);
                r.TryGetDouble(out _);
            }
        }
    }
}
