using Xunit;

// The device runs one test at a time; so does the host, so static test state behaves the same.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
// OutputHelper writes to Console, as on the device; xunit attaches it to the running test's output.
[assembly: CaptureConsole]

namespace NanoTests
{
    [CollectionDefinition("nanoFramework tests")]
    public sealed class SerialTestCollection
    {
    }
}
