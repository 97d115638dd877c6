using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("OneNetFirmware.Runtime")]
[assembly: AssemblyDescription("The runtime of the OneNetFirmware node: main loop, supervisor, outbox, sensors and node composition")]
[assembly: AssemblyProduct("OneNetFirmware")]
[assembly: AssemblyCopyright("Copyright (c) OneNetFirmware contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
