using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using OneNetFirmware.OneNet;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// A typical node's property post (6 properties with timestamps) written by OneJsonWriter, side by side with
    /// Utf8JsonWriter into a reused buffer, JsonSerializer on an equivalent object and Newtonsoft's SerializeObject.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(IlCount.IlCountConfig))]
    public class PropertyPostBenchmarks
    {
        private const long Time = 1_764_000_000_123;
        private readonly byte[] _buffer = new byte[512];
        private OneJsonWriter _writer;
        private ArrayBufferWriter<byte> _output;
        private Utf8JsonWriter _json;
        private PropertyPost _post;

        [GlobalSetup]
        public void Setup()
        {
            _writer = new OneJsonWriter(_buffer, 0, _buffer.Length);
            _output = new ArrayBufferWriter<byte>(512);
            _json = new Utf8JsonWriter(_output);
            _post = new PropertyPost
            {
                Id = "123456",
                Params = new Dictionary<string, object>
                {
                    ["temperature"] = new Point<double>(23.56, Time),
                    ["humidity"] = new Point<double>(45.2, Time),
                    ["pressure"] = new Point<double>(1013.25, Time),
                    ["light"] = new Point<int>(312, Time),
                    ["door"] = new Point<bool>(true, Time),
                    ["battery"] = new Point<double>(3.71, Time),
                },
            };
        }

        [Benchmark(Baseline = true)]
        public int OneJsonWriter()
        {
            _writer.BeginPropertyPost(123456);
            _writer.Property("temperature", 23.56, Time);
            _writer.Property("humidity", 45.2, Time);
            _writer.Property("pressure", 1013.25, Time);
            _writer.Property("light", 312, Time);
            _writer.Property("door", true, Time);
            _writer.Property("battery", 3.71, Time);
            return _writer.End();
        }

        [Benchmark]
        public int Utf8JsonWriterReused()
        {
            _output.ResetWrittenCount();
            _json.Reset();
            _json.WriteStartObject();
            _json.WriteString("id", "123456");
            _json.WriteString("version", "1.0");
            _json.WriteStartObject("params");
            WritePoint(_json, "temperature", 23.56);
            WritePoint(_json, "humidity", 45.2);
            WritePoint(_json, "pressure", 1013.25);
            _json.WriteStartObject("light");
            _json.WriteNumber("value", 312);
            _json.WriteNumber("time", Time);
            _json.WriteEndObject();
            _json.WriteStartObject("door");
            _json.WriteBoolean("value", true);
            _json.WriteNumber("time", Time);
            _json.WriteEndObject();
            WritePoint(_json, "battery", 3.71);
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.Flush();
            return _output.WrittenCount;
        }

        [Benchmark]
        public int JsonSerializerObject() => JsonSerializer.SerializeToUtf8Bytes(_post).Length;

        [Benchmark]
        public int NewtonsoftSerializeObject() => Newtonsoft.Json.JsonConvert.SerializeObject(_post).Length;

        private static void WritePoint(Utf8JsonWriter json, string name, double value)
        {
            json.WriteStartObject(name);
            json.WriteNumber("value", value);
            json.WriteNumber("time", Time);
            json.WriteEndObject();
        }

        public sealed class PropertyPost
        {
            [JsonPropertyName("id"), Newtonsoft.Json.JsonProperty("id")] public string Id { get; set; }
            [JsonPropertyName("version"), Newtonsoft.Json.JsonProperty("version")] public string Version { get; set; } = "1.0";
            [JsonPropertyName("params"), Newtonsoft.Json.JsonProperty("params")] public Dictionary<string, object> Params { get; set; }
        }

        public sealed class Point<T>
        {
            public Point(T value, long time)
            {
                Value = value;
                Time = time;
            }

            [JsonPropertyName("value"), Newtonsoft.Json.JsonProperty("value")] public T Value { get; }
            [JsonPropertyName("time"), Newtonsoft.Json.JsonProperty("time")] public long Time { get; }
        }
    }
}
