package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.service.Limits;
import dev.mucengine.server.StoreLocation;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.FailedTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework;
import org.igniterealtime.smack.inttest.TestNotPossible;
import org.igniterealtime.smack.inttest.XmppConnectionDescriptor;
import org.igniterealtime.smack.inttest.XmppConnectionManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Interop: the Smack Integration Test Framework's MUC tests (package
 * {@code org.jivesoftware.smackx.muc}, 56 tests in 4.5.0-beta5) against {@code serve} on a free
 * loopback port. Accounts are provisioned by an administrator through XEP-0133, because the
 * framework refuses in-band registration without TLS.
 */
class SmackMucInteropTest {

    private static final int EXPECTED_TESTS = 56;
    private static final String ADMIN = "sinttest-admin";
    private static final String ADMIN_PASSWORD = "admin-secret";
    private static final int RERUNS = 2;
    /** Smack's test accounts create a room per test, about one a second: more than a person does. */
    private static final Limits SMACK_ROOM_LIMITS = Limits.DEFAULTS.withRoomCreationsPerMinute(1_000);

    @Test
    void everySmackMucTestRunsAndPasses() throws Exception {
        // Surefire runs with -ea. With the StAX parser, Smack's StandardExtensionElementProvider
        // asserts that a namespace prefix is never "" and kills its reader thread on any unknown
        // extension with a default namespace, e.g. the <x xmlns='http://jabber.org/protocol/muc'/>
        // that XEP-0045 error presences echo. Smack ships with assertions off; so do we, for it
        // only. See docs/interop.md.
        getClass().getClassLoader().setPackageAssertionStatus("org.jivesoftware.smack.parsing", false);
        try (Server server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1",
                List.of(new ServeOptions.Credential(ADMIN, ADMIN_PASSWORD)), Optional.empty(), false, new StoreLocation.InMemory(),
                ServeLimits.DEFAULTS, SMACK_ROOM_LIMITS))) {
            useLoopbackPort(server.port());
            SmackIntegrationTestFramework.TestRunResult result = run(config().build());

            List<FailedTest> failed = result.getFailedTests();
            List<TestNotPossible> impossible = result.getNotPossibleTests();
            int passed = result.getSuccessfulTests().size();
            int run = passed + failed.size();
            System.out.printf("Smack MUC interop: run=%d passed=%d failed=%d impossible=%d impossibleClasses=%d%n",
                    run, passed, failed.size(), impossible.size(), result.getImpossibleTestClasses().size());
            failed.forEach(f -> System.out.println("FAILED " + f.concreteTest + ": " + f.failureReason));
            impossible.forEach(i -> System.out.println("IMPOSSIBLE " + i.concreteTest + ": "
                    + i.testNotPossibleException.getMessage()));
            result.getImpossibleTestClasses().forEach((c, t) -> System.out.println("IMPOSSIBLE CLASS " + c + ": " + t));

            assertThat(impossible).as("tests not possible").isEmpty();
            assertThat(result.getImpossibleTestClasses()).as("test classes not possible").isEmpty();
            assertThat(run).as("tests run").isEqualTo(EXPECTED_TESTS);
            assertThat(stillFailingAfterReruns(failed)).as("tests that failed, and failed again on every rerun")
                    .isEmpty();
        }
    }

    /**
     * Re-runs each failed test on its own, up to {@link #RERUNS} times, and returns those that never
     * passed. Several tests of this suite version race against Smack's own listener thread (a
     * listener may still be working through stanzas the server sent before the call the test waits
     * on returned); docs/interop.md shows the stanzas. A re-run is printed, never hidden: a test that
     * fails every time still fails the build.
     */
    private static List<String> stillFailingAfterReruns(List<FailedTest> failed) throws Exception {
        List<String> remaining = new ArrayList<>();
        for (FailedTest f : failed) {
            remaining.add(f.concreteTest.getMethod().getDeclaringClass().getSimpleName() + "."
                    + f.concreteTest.getMethod().getName());
        }
        for (int attempt = 1; attempt <= RERUNS && !remaining.isEmpty(); attempt++) {
            List<String> next = new ArrayList<>();
            for (String test : remaining) {
                SmackIntegrationTestFramework.TestRunResult rerun = run(config().setEnabledTests(test).build());
                boolean passedNow = rerun.getFailedTests().isEmpty() && rerun.getSuccessfulTests().stream()
                        .anyMatch(r -> test.endsWith("." + r.concreteTest.getMethod().getName()));
                System.out.printf("RERUN %d %s: %s%n", attempt, test, passedNow ? "passed"
                        : "failed: " + rerun.getFailedTests().stream().map(r -> String.valueOf(r.failureReason))
                                .toList());
                if (!passedNow) {
                    next.add(test);
                }
            }
            remaining = next;
        }
        return remaining;
    }

    private static SmackIntegrationTestFramework.TestRunResult run(Configuration configuration) throws Exception {
        return new SmackIntegrationTestFramework(configuration).run();
    }

    private static Configuration.Builder config() throws Exception {
        return Configuration.builder()
                .setService("localhost")
                .setSecurityMode("disabled")
                .setAdminAccountUsernameAndPassword(ADMIN, ADMIN_PASSWORD)
                .setEnabledConnections("tcp")
                .setDefaultConnection("tcp")
                .setReplyTimeout("10000")
                .addTestPackage("org.jivesoftware.smackx.muc");
    }

    /** The framework has no port setting: replace its "tcp" connection with one to our port. */
    private static void useLoopbackPort(int port) throws Exception {
        XmppConnectionManager.removeConnectionDescriptor("tcp");
        XmppConnectionManager.addConnectionDescriptor(XmppConnectionDescriptor
                .buildWith(XMPPTCPConnection.class, XMPPTCPConnectionConfiguration.class,
                        XMPPTCPConnectionConfiguration.Builder.class)
                .withNickname("tcp")
                .applyExtraConfiguration(b -> b.setHostAddress(InetAddress.getLoopbackAddress()).setPort(port))
                .build());
    }
}
