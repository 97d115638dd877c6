using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// The methods that run per sample, per post, per reply and per diagnostics post, and what they call within their
    /// assembly, hold no instruction that allocates on nanoCLR (ldstr, box, newobj, newarr, or a call that makes a string
    /// or array), checked in the IL the gate compiles for the device (docs/performance.md). A literal sneaking back in
    /// fails here with the call path to it.
    /// </summary>
    public class HotPathIlTests
    {
        /// <summary>
        /// The hot path, as "Type.Method" (every overload) or "Type.Method(first,params" (those overloads), per assembly.
        /// The runtime core (Runtime/*.cs: outboxes, node loop, downlink handler) is added once it is restructured.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string[]> HotPath = new Dictionary<string, string[]>
        {
            ["OneNet"] =
            [
                // per post (property, history, event, diagnostics, desired get/delete): the writer's byte[]-key API
                "OneJsonWriter.SetBuffer", "OneJsonWriter.Reset", "OneJsonWriter.set_Decimals",
                "OneJsonWriter.BeginPropertyPost", "OneJsonWriter.BeginEventPost", "OneJsonWriter.BeginHistoryPost",
                "OneJsonWriter.BeginDesiredGet", "OneJsonWriter.DesiredGetName", "OneJsonWriter.BeginDesiredDelete",
                "OneJsonWriter.DesiredDeleteMember(byte[]", "OneJsonWriter.BeginRequest",
                "OneJsonWriter.Property(byte[]", "OneJsonWriter.PropertyText", "OneJsonWriter.BeginEvent(byte[]",
                "OneJsonWriter.EndEvent", "OneJsonWriter.BeginHistory(byte[]", "OneJsonWriter.Point", "OneJsonWriter.BeginPoint",
                "OneJsonWriter.EndHistory", "OneJsonWriter.Member(byte[]", "OneJsonWriter.End",
                "OneJsonWriter.CanWrite", "OneJsonWriter.BeginValue", "OneJsonWriter.OpenValue", "OneJsonWriter.EndValue",
                "OneJsonWriter.Open", "OneJsonWriter.Push", "OneJsonWriter.Close", "OneJsonWriter.Separator", "OneJsonWriter.Key",
                "OneJsonWriter.WriteLong", "OneJsonWriter.WriteDigits", "OneJsonWriter.WriteDouble",
                "OneJsonWriter.PutBytes", "OneJsonWriter.PutRange", "OneJsonWriter.Put",
                // per reply written: the envelope after the id, with the standard msg pre-encoded
                "OneJsonWriter.EndReplyHead", "OneJsonWriter.BeginData", "ReplyCodes.Message",
                // per reply and request read: validation, envelope, numeric id, walking, in-place name matching
                "OneNetTopics.Classify",
                "OneJsonReader.Read", "OneJsonReader.Start", "OneJsonReader.Validate", "OneJsonReader.ValidateKey",
                "OneJsonReader.ValidateScalar", "OneJsonReader.ValidateString", "OneJsonReader.ValidateUtf8",
                "OneJsonReader.ValidateNumber", "OneJsonReader.Literal", "OneJsonReader.Digits", "OneJsonReader.SkipWs",
                "OneJsonReader.IsWs", "OneJsonReader.IsDigit", "OneJsonReader.HexValue", "OneJsonReader.RawEquals",
                "OneJsonReader.IsTop", "OneJsonReader.TopKind", "OneJsonReader.KindAt", "OneJsonReader.get_IdNumber",
                "OneJsonReader.get_IdLength", "OneJsonReader.get_IdOffset", "OneJsonReader.get_Code", "OneJsonReader.ParseLong",
                "OneJsonReader.get_ParamsKind", "OneJsonReader.get_DataKind", "OneJsonReader.OpenParams", "OneJsonReader.OpenData",
                "OneJsonReader.Open", "OneJsonReader.NextMember", "OneJsonReader.NextElement", "OneJsonReader.NextItem",
                "OneJsonReader.ReadMember", "OneJsonReader.SkipValue", "OneJsonReader.SkipString", "OneJsonReader.NameIsKey",
                "OneJsonReader.ValueIsKey", "OneJsonReader.get_ValueKind", "OneJsonReader.TryGetDouble", "OneJsonReader.ParseDouble",
                "OneJsonReader.TryGetNumberInString", "OneJsonReader.TryGetBoolInString", "OneJsonReader.TryGetLong",
                "OneJsonReader.TryGetBool", "OneJsonReader.SelectDesired",
            ],
            ["Drivers"] =
            [
                // per sample: each driver's read
                "Sht3xDriver.Read", "Aht20Driver.Read", "Bh1750Driver.Read", "Bme280Driver.Read", "DhtDriver.Read",
                "DhtDriver.get_MinIntervalMilliseconds",
                // per input poll and pin event, per status LED step and output change
                "InputLevels.Changed", "InputLevels.MustRead", "InputLevels.Read", "InputLevels.Level",
                "DebouncedInput.Update", "PulseCounter.Add", "DigitalOutput.set_On", "StatusLed.IsOn",
            ],
            ["Firmware"] =
            [
                // the device adapters the loops call each step, the pin event, the status LED thread
                "EspGpioPort.Read", "EspGpioPort.Write", "EspGpioPort.TakeEdges", "EspGpioPort.OnPinChanged",
                "DeviceClock.get_NowMilliseconds", "DeviceClock.get_IsUtcValid", "DeviceClock.get_UtcUnixMilliseconds",
                "M2MqttLink.get_IsConnected", "M2MqttLink.OnPublishReceived", "WifiNetwork.get_IsUp",
                "Program.RunStatusLed", "Program.ToLinkState",
            ],
            ["Runtime"] =
            [
                // per sample
                "SensorSampler.SampleDue", "SensorSampler.PollInputs", "SensorSampler.LatestValue", "SampledSensor.Sample",
                "SampledSensor.Measure", "InputPoller.Poll",
                // per post and diagnostics post
                "OneJsonPayloadWriter.WritePropertyPost", "OneJsonPayloadWriter.WriteHistoryPost",
                "OneJsonPayloadWriter.WriteEventPost", "OneJsonPayloadWriter.WriteDiagnosticsPost", "OneJsonPayloadWriter.Diag",
                "OneJsonPayloadWriter.ResetText", "OneJsonPayloadWriter.WriteDesiredGet", "OneJsonPayloadWriter.WriteDesiredDelete",
                "IdentifierKeys.Get", "PropertyTable.Identifier", "PropertyTable.Kind", "PropertyTable.Decimals",
                "PropertyTable.Key", "PropertyTable.get_Count", "EventTable.Identifier", "EventTable.Key", "EventTable.Parameter",
                // per reply and request parsed
                "OneJsonDownlinkParser.Parse", "OneJsonDownlinkParser.MemberName", "OneJsonDownlinkParser.ElementName",
                "OneJsonDownlinkParser.Put", "DownlinkMessage.Clear", "DownlinkMessage.TryGetRequestId",
                // the runtime core: each pass of the main loop, each post sent, each reply and request applied
                "NodeLoop.Step", "Outbox.Add", "Outbox.Pump", "Outbox.Send", "Outbox.OnReply", "EventOutbox.Add",
                "EventOutbox.Pump", "EventOutbox.OnReply", "DownlinkHandler.ApplyQueued", "DownlinkHandler.Apply",
                "Uplink.Publish", "Uplink.CanSend", "Uplink.NextId", "DownlinkQueue.Enqueue", "DownlinkQueue.Dequeue",
                // the supervisor thread, each step (a state other than Online is a transition, listed as cold), and the
                // MQTT thread, each message received
                "Supervisor.Step", "LinkEvents.OnMessage",
            ],
        };

        /// <summary>
        /// Methods a hot-path method may call that allocate by design and run only on first use or on an error path:
        /// encoding a key or text once, growing a key table, decoding an unknown name or a request's id or a refusal's
        /// msg, encoding a non-standard reply text. The scan follows every other call within the assembly.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string[]> Cold = new Dictionary<string, string[]>
        {
            ["OneNet"] = ["OneJsonWriter.WriteString(string)", "OneJsonWriter.Quote(string,bool)", "OneJsonWriter.EncodeKey(string)",
                "OneJsonWriter.EncodeText(string)", "Utf8Cache.Get(string)",
                // reached only for a service invoke topic, after every fixed topic failed to match
                "OneNetTopics.ServiceIdentifierLength(string)"],
            ["Drivers"] = [],
            // the Wi-Fi state is read again only after a network event
            ["Firmware"] = ["WifiNetwork.HasIPv4Address()"],
            ["Runtime"] = ["IdentifierKeys.Grow(int)",
                // a refused post or event, a post that cannot fit the buffer: logged
                "Outbox.LogRejected(int,int,int,string)", "Outbox.LogPointTooLarge()",
                "EventOutbox.LogRejected(int,int,string)", "EventOutbox.LogEventTooLarge()",
                // downlinks that are refused, malformed, too large or ignored, and desired values not applied: logged
                // and answered with a msg naming the member
                "DownlinkHandler.IgnoreOta(int)", "DownlinkHandler.RefuseTooLarge(DownlinkKind,string,byte[],int)",
                "DownlinkHandler.RefuseMalformed(DownlinkKind,string,byte[],int)", "DownlinkHandler.LogDesiredGetRefused()",
                "DownlinkHandler.LogDesiredDeleteRefused()", "DownlinkHandler.LogDesiredSuperseded(int)",
                "DownlinkHandler.LogDesiredNotApplied(int)", "DownlinkHandler.LogDesiredIgnored(int,int)",
                "DownlinkHandler.Refuse(DownlinkKind,int,int)", "DownlinkHandler.RefuseRejected(int)",
                "DownlinkHandler.RefuseUnknownService(string)", "DownlinkHandler.UnknownServiceReplyTopic(string)",
                // a reply too large for the payload buffer (a msg naming an over-long unknown identifier): sent again
                // with the standard msg, logged when even that does not fit
                "DownlinkHandler.ReplyWithStandardMessage(int)",
                // the supervisor's transitions: connecting, subscribing, a session's end, a reboot, a network restart,
                // the once-only clearing of the boot-loop guard
                "Supervisor.StepNetworkDown(long)", "Supervisor.StepNetworkUp(long)", "Supervisor.StepSubscribe(long)",
                "Supervisor.Reboot(string,bool)", "Supervisor.RebootHeartbeatStopped()", "Supervisor.RebootLowMemory()",
                "Supervisor.RebootOffline(long)", "Supervisor.RestartNetwork(long,long)", "Supervisor.EndLostSession(long)",
                "Supervisor.EndStalledSession(long)", "Supervisor.ClearBootLoop()"],
        };

        public static TheoryData<string> Assemblies => new(HotPath.Keys);

        [Theory]
        [MemberData(nameof(Assemblies))]
        public void HotPathMethodsAllocateNothingOnTheDevice(string project)
        {
            IlScanner scanner = Scan(project);
            var failures = new List<string>();
            var methods = new List<string>();
            foreach (string entry in HotPath[project])
            {
                IReadOnlyList<string> matching = scanner.Matching(entry);
                if (matching.Count == 0) failures.Add(entry + ": no such method in the gate output (renamed? update the list)");
                methods.AddRange(matching);
            }
            failures.AddRange(Cold[project].Where(c => !scanner.Methods.ContainsKey(c)).Select(c => c + ": listed as cold but not in the gate output"));
            failures.AddRange(scanner.Reachable(methods, new HashSet<string>(Cold[project])));

            Assert.True(failures.Count == 0, project + " hot path allocates on the device:\n" + string.Join("\n", failures));
        }

        [Fact]
        public void ScannerFindsLiteralsBoxesAndNewObjectsInACompiledSnippet()
        {
            const string source = @"
public static class S
{
    private static readonly string Field = ""kept"";
    public static int Clean(int[] a, string s) { return a.Length + s.Length + Field.Length; }
    public static string Literal() { return ""hello""; }
    public static object Boxed(int x) { return x; }
    public static object Created() { return new object(); }
    public static byte[] Array(int n) { return new byte[n]; }
    public static string Joined(string a, int n) { return a + n.ToString(); }
    public static int Indirect() { return Literal().Length; }
}";
            IlScanner scanner = IlScanner.Read(CompileForDevice(source));

            Assert.Empty(scanner.Methods["S.Clean(int[],string)"]);
            Assert.Contains("ldstr \"hello\"", Assert.Single(scanner.Methods["S.Literal()"]));
            Assert.Contains("box Int32", Assert.Single(scanner.Methods["S.Boxed(int)"]));
            Assert.Contains("newobj Object..ctor", Assert.Single(scanner.Methods["S.Created()"]));
            Assert.Contains("newarr Byte", Assert.Single(scanner.Methods["S.Array(int)"]));
            List<string> joined = scanner.Methods["S.Joined(string,int)"];
            Assert.Contains(joined, f => f.Contains("String.Concat"));
            Assert.Contains(joined, f => f.Contains("Int32.ToString"));
            // The static constructor holds the field's one literal: run once, not on the hot path.
            Assert.Contains("ldstr \"kept\"", Assert.Single(scanner.Methods["S..cctor()"]));
            Assert.Equal(["S.Literal()"], scanner.Matching("S.Literal"));
            Assert.Empty(scanner.Matching("S.Missing"));
            // A literal one call away is found through the caller, unless the callee is declared cold.
            Assert.Equal(["S.Indirect() → S.Literal(): IL_0001 ldstr \"hello\""], scanner.Reachable(["S.Indirect()"], new HashSet<string>()));
            Assert.Empty(scanner.Reachable(["S.Indirect()"], new HashSet<string> { "S.Literal()" }));
        }

        private static IlScanner Scan(string project)
        {
            var nfproj = NfprojFile.Named(project);
            Assert.True(File.Exists(nfproj.GateOutput), nfproj.GateOutput + " is missing: the gate project " + nfproj.GateProject + " must build it.");
            using FileStream file = File.OpenRead(nfproj.GateOutput);
            return IlScanner.Read(file);
        }

        // As the gate: C# 9, only the device's mscorlib, unoptimised (Debug).
        private static Stream CompileForDevice(string source)
        {
            var compilation = CSharpCompilation.Create("Snippet",
                [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9))],
                [MetadataReference.CreateFromFile(RepoPaths.NanoMscorlib)],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Debug));
            var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            stream.Position = 0;
            return stream;
        }
    }
}
