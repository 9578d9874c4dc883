namespace RealmCi.CMake;

/// <summary>
/// Tests of a cross-compiled build run under an emulator (CMake's <c>CMAKE_CROSSCOMPILING_EMULATOR</c>,
/// e.g. <c>qemu-ppc64le;-L;/usr/powerpc64le-linux-gnu</c>). CMake puts it only in front of a test
/// whose command names an executable target; a command given as <c>$&lt;TARGET_FILE:…&gt;</c> (Realm's
/// integration tests) or behind a launcher reaches a foreign binary directly — which fails
/// ("Exec format error") unless the host's binfmt hides it. So a command that runs a program
/// built under <see cref="BuiltUnder"/> and is not already under the emulator gets it.
/// </summary>
public sealed record Emulation(IReadOnlyList<string> Emulator, string BuiltUnder)
{
    /// <summary>The emulator from a configuration's CMake definitions, or null when it is not cross-compiled.</summary>
    public static Emulation? From(IReadOnlyDictionary<string, string> cmake, string buildDir) =>
        cmake.TryGetValue("CMAKE_CROSSCOMPILING_EMULATOR", out var value) && value.Split(';', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts
            ? new Emulation(parts, buildDir)
            : null;

    public IReadOnlyList<string> Apply(IReadOnlyList<string> command)
    {
        if (command.Count == 0 || !command[0].StartsWith(BuiltUnder + "/", StringComparison.Ordinal)) return command;
        return [.. Emulator, .. command];
    }
}
