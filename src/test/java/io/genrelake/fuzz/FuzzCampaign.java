package io.genrelake.fuzz;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * bin/fuzz's entry point: runs one {@link DecoderFuzzTest} target in Jazzer's fuzzing mode (the script sets
 * JAZZER_FUZZ=1) for a number of minutes. A plain JVM rather than surefire, so that the JVM's class path holds only
 * what the decoders need: Jazzer scans the whole class path for its hooks at start, and the test class path (Spark,
 * Hadoop, S3Proxy) does not fit that scan into the campaign's 256 MB.
 *
 * <p>Usage: {@code FuzzCampaign TARGET MINUTES}. Exit status 0 when the campaign ended without a finding.
 */
public final class FuzzCampaign {

    private FuzzCampaign() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: FuzzCampaign TARGET MINUTES");
            System.exit(2);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(DecoderFuzzTest.class, args[0], "byte[]"))
                .configurationParameter("jazzer.max_duration", args[1] + "m")
                // JUnit's timeout would apply to the whole campaign; Jazzer passes @Timeout on as libFuzzer's -timeout
                .configurationParameter("junit.jupiter.execution.timeout.mode", "disabled")
                .configurationParameter("jazzer.hooks", "true")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        TestExecutionSummary result = summary.getSummary();
        result.printFailuresTo(new PrintWriter(System.err, true), 20);
        result.printTo(new PrintWriter(System.out, true));
        System.exit(result.getTestsFoundCount() > 0 && result.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
