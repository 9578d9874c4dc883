using RealmCi.Results;
using RealmCi.CMake;
using RealmCi.Matrix;

namespace RealmCi.Tests.Matrix;

/// <summary>
/// Realm's known failure signatures (matrix/realm.yaml, <c>signatures:</c>), each fed a line
/// copied verbatim from a recorded run and a near miss that must not match.
/// </summary>
public class RecognisingKnownFailures
{
    private static readonly FailureSignatures Realm = MatrixLoader.LoadFile(Yaml.RealmMatrixPath).Signatures;

    /// <summary>signature, step, the recorded line (and where it was recorded), a near miss.</summary>
    public static readonly TheoryData<string, StepKind, string, string> Recorded = new()
    {
        // realm-ci's survey of 2026-11-29 (matrix/SURVEY.md, issue 7): the engine's own words; and
        // g++ -c a.cc -o /dev/full on this machine (2026-12-06: the assembler's and ld's words).
        { "disk-full", StepKind.Image, "no space left on device", "-- Checking for space left on device /dev/vda: 78G" },
        { "disk-full", StepKind.Build, "/usr/bin/ld: final link failed: No space left on device", "/usr/bin/ld: final link failed: bad value" },
        // Standalone Realm (ebendler/realm, a --no-tags clone) configured on this machine, 2026-12-06.
        { "no-version-tag", StepKind.Configure, "  No VERSION specified for WRITE_BASIC_CONFIG_VERSION_FILE()", "  VERSION keyword not followed by a value or was followed by a value that" },
        // Legion's realm/ checked out exactly on legion-25.06.0, configured on this machine, 2026-12-06.
        { "version-on-tag", StepKind.Configure, "  VERSION \"legion-25.06.0\" format invalid.", "-- Found Git: /usr/bin/git (found version \"2.39.5\") " },
        // matrix/SURVEY.md, gcc11-debug-ucx-cpu-asan (2026-11-29).
        { "ucx-too-old", StepKind.Build, "/src/runtime/realm/ucx/ucp_internal.cc:41:2: error: #error The UCX network module requires UCX 1.14.0 or above",
            "[12/190] Building CXX object realm/CMakeFiles/realm_obj.dir/__/runtime/realm/ucx/ucp_internal.cc.o" },
        // g++ 12 on this machine compiling `#include <ucc/api/ucc.h>` without UCC (2026-12-06).
        { "ucc-header-missing", StepKind.Build, "ucc.cc:1:10: fatal error: ucc/api/ucc.h: No such file or directory", "ucc.cc:1:10: fatal error: ucp/api/ucp.h: No such file or directory" },
        // clang++-16 -fsanitize=address|thread in bookworm without libclang-rt-16-dev (this machine, 2026-12-06).
        { "sanitizer-runtime-missing", StepKind.Build, "/usr/bin/ld: cannot find /usr/lib/llvm-16/lib/clang/16/lib/linux/libclang_rt.asan_static-x86_64.a: No such file or directory",
            "/usr/bin/ld: cannot find -lhwloc: No such file or directory" },
        { "sanitizer-runtime-missing", StepKind.Configure, "/usr/bin/ld: cannot find /usr/lib/llvm-16/lib/clang/16/lib/linux/libclang_rt.tsan-x86_64.a: No such file or directory",
            "/usr/bin/ld: cannot find /usr/lib/llvm-16/lib/clang/16/lib/linux/libclang_rt.builtins-x86_64.a: No such file or directory" },
        // docs/realm.md (clang14-release-local-hip5.2 configure) and SURVEY.md's probes.
        { "hip-clangrt-missing", StepKind.Configure, "clangrt builtins lib not found", "-- Found hip: /usr/lib/cmake/hip (found version \"5.2.21153\")" },
        // matrix/SURVEY.md, clang19-release-ucx-hip5.7-shared (2026-11-29).
        { "hip-gpu-tests-do-not-link", StepKind.Build, "FAILED: tests/memspeed … undefined reference to 'gpu_seqwr_test'", "undefined reference to 'gpu_seqwr_test_cpu'" },
        { "hip-gpu-tests-do-not-link", StepKind.Build, "tests/test_profiling … undefined reference to 'launch_spin_kernel(unsigned long, ihipStream_t*)'", "undefined reference to 'hipMemcpy'" },
        // apt-get install nvidia-cuda-toolkit on a bookworm base with main + non-free (this machine, 2026-12-06).
        { "cuda-needs-contrib", StepKind.Image, " libcuinj64-11.8 : Depends: libcuda1 (>= 520) but it is not installable or",
            " libcuinj64-11.8 : Depends: libcuda1 (>= 520) but it is not going to be installed" },
        // matrix/SURVEY.md, clang16-debug-mpi-cpu-asan (2026-11-29).
        { "asan-stack-use-after-scope", StepKind.Test, "==8==ERROR: AddressSanitizer: stack-use-after-scope on address 0x7fc279423368",
            "==8==ERROR: AddressSanitizer: heap-use-after-free on address 0x7fc279423368" },
        // matrix/SURVEY.md and realm.yaml's quarantine, gcc12-debug-local-cpu-tsan.
        { "tsan-threadpool-race", StepKind.Test, "ThreadSanitizer: data race /src/runtime/realm/openmp/openmp_threadpool.cc:448 in Realm::ThreadPool::stop_worker_threads()",
            "ThreadSanitizer: data race /src/runtime/realm/runtime_impl.cc:448 in Realm::RuntimeImpl::shutdown()" },
        // matrix/SURVEY.md, gcc14-release-ucx-cuda12.4 (2026-12-07, November Realm): the link of tests/memspeed.
        { "older-libstdcxx-linked", StepKind.Build, "repl_heap.cc:(.text.unlikely+0x40): undefined reference to `__cxa_call_terminate'",
            "repl_heap.cc:(.text.unlikely+0x40): undefined reference to `__cxa_throw'" },
        // Issue 7's notes: clang images without llvm-symbolizer.
        { "no-symbolizer", StepKind.Test, "invalid path to external symbolizer", "==8==Using llvm-symbolizer at path: /usr/bin/llvm-symbolizer-16" },
    };

    [Theory]
    [MemberData(nameof(Recorded))]
    public void ARecordedLineIsRecognisedAndItsNearMissIsNot(string name, StepKind step, string line, string nearMiss)
    {
        Assert.Contains(name, Realm.Find(step, [line]).Select(m => m.Signature.Name));
        Assert.DoesNotContain(name, Realm.Find(step, [nearMiss]).Select(m => m.Signature.Name));
    }

    [Fact]
    public void EverySignatureInRealmsMatrixHasARecordedLine()
    {
        var tested = Recorded.Select(row => (string)row[0]).ToHashSet();
        var untested = Realm.Entries.Select(s => s.Name).Where(n => !tested.Contains(n)).ToList();
        Assert.True(untested.Count == 0, "signatures without a recorded line: " + string.Join(", ", untested));
        Assert.True(Realm.Entries.Length >= 12, $"{Realm.Entries.Length} signatures");
    }

    [Fact]
    public void ASignatureForOneStepDoesNotExplainAnother() =>
        Assert.Empty(Realm.Find(StepKind.Test, ["  No VERSION specified for WRITE_BASIC_CONFIG_VERSION_FILE()"]));

    [Fact]
    public void EachMatchNamesTheFirstLineItMatched()
    {
        var m = Assert.Single(Realm.Find(StepKind.Configure, ["-- ok", "CMake Error at …", "  No VERSION specified for WRITE_BASIC_CONFIG_VERSION_FILE()", "  No VERSION specified for WRITE_BASIC_CONFIG_VERSION_FILE()"]));
        Assert.Equal((3, "no-version-tag"), (m.LineNumber, m.Signature.Name));
    }
}
