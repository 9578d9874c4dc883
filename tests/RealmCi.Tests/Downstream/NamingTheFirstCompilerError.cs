using RealmCi.CMake;

namespace RealmCi.Tests.Downstream;

public class NamingTheFirstCompilerError
{
    [Fact]
    public void TheFirstErrorLineWinsOverWarningsAndLaterErrors()
    {
        string[] log =
        [
            "[12/40] Building CXX object runtime/CMakeFiles/legion.dir/legion.cc.o",
            "/src/runtime/x.cc:3:1: warning: unused variable 'y' [-Wunused-variable]",
            "FAILED: runtime/CMakeFiles/legion.dir/legion.cc.o",
            "/src/runtime/legion.cc:4:76: error: 'sum' is not a member of 'realm'",
            "/src/runtime/other.cc:9:2: error: later",
        ];
        Assert.Equal("/src/runtime/legion.cc:4:76: error: 'sum' is not a member of 'realm'", FirstCompilerError.In(log));
    }

    [Theory]
    [InlineData("/usr/bin/ld: legion.cc.o: in function `f': undefined reference to `realm::sum(int const*, int)'")]
    [InlineData("/src/a.h:1:10: fatal error: realm/realm_defines.h: No such file or directory")]
    public void LinkerAndFatalErrorsCount(string line) => Assert.Equal(line, FirstCompilerError.In(["ninja: build stopped", line]));

    [Fact]
    public void ALogWithoutAnErrorHasNone() => Assert.Null(FirstCompilerError.In(["ninja: build stopped: subcommand failed.", "error count: 0"]));
}
