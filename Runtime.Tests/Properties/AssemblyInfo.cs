using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("Unit tests of OneNetFirmware.Runtime")]
[assembly: AssemblyProduct("OneNetFirmware")]
[assembly: AssemblyCopyright("Copyright (c) OneNetFirmware contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
