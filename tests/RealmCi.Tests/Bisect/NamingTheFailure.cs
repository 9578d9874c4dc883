using RealmCi.Results;

namespace RealmCi.Tests.Bisect;

/// <summary>
/// The line a bisection and a rerun quote for a failed test. The real bisection of the November
/// Realm (2026-12-07) quoted "Running main() from gmock_main.cc" — GoogleTest's preamble, the first
/// line of the output — for the planted assertion; the outputs below are copied from its junit.xml.
/// </summary>
public class NamingTheFailure
{
    private const string GoogleTest = """
        Running main() from gmock_main.cc
        Note: Google Test filter = CircQueuePush/CircQueuePushTest.TestPushFront/0
        [==========] Running 1 test from 1 test suite.
        [----------] Global test environment set-up.
        [----------] 1 test from CircQueuePush/CircQueuePushTest
        [ RUN      ] CircQueuePush/CircQueuePushTest.TestPushFront/0
        /src/tests/unit_tests/circ_queue_test.cc:145: Failure
        Expected equality of these values:
          verification_deque.size()
            Which is: 4
          0u
            Which is: 0
        planted regression
        [  FAILED  ] CircQueuePush/CircQueuePushTest.TestPushFront/0, where GetParam() = 64-byte object <04-00 00-00 00-00 00-00 FE-FF FF-FF> (0 ms)
        [----------] 1 test from CircQueuePush/CircQueuePushTest (0 ms total)
        [  FAILED  ] 1 test, listed below:

         1 FAILED TEST
        """;

    private static string Of(string output, string? message = null) =>
        FailureLine.Of(new TestCaseResult("t", TestStatus.Failed, 0.1, message, output));

    [Fact]
    public void AGoogleTestFailureIsItsLocationAndWhatFollowsOnOneLine() =>
        Assert.Equal("/src/tests/unit_tests/circ_queue_test.cc:145: Failure Expected equality of these values: verification_deque.size() Which is: 4 0u Which is: 0 planted regression",
            Of(GoogleTest));

    [Fact]
    public void OtherwiseTheFirstLineThatNamesTheFailureThenTheFirstLine()
    {
        Assert.Equal("partitioning: realm/deppart/partitions.cc:120: void check(): Assertion `ok' failed.",
            Of("[0 - 7f3a] 0.000 {3}{threads}: reservation ('CPU proc 1d00000000000002') cannot be satisfied\npartitioning: realm/deppart/partitions.cc:120: void check(): Assertion `ok' failed.\nAborted"));
        Assert.Equal("expected 55, got 45", Of("\nexpected 55, got 45\n"));
        Assert.Equal("the message", Of(GoogleTest, "the message\nsecond line"));
        Assert.Equal("no output", Of(""));
        Assert.EndsWith("…", Of("error: " + new string('x', 400)));
    }
}
