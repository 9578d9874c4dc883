// The integration tests drive a Linux Docker engine, debootstrap and the host's CMake.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
