package dev.mucengine.bench.load;

import java.util.Map;

/** One measured situation, run against a freshly started server by {@link Compare}. */
interface Scenario {

    /** A short key for the command line, such as {@code fanout-50}. */
    String key();

    /** The table's row label. */
    String title();

    /** Accounts the server needs ({@code u0} onwards). */
    int accounts();

    /**
     * Runs against {@code server} with clients from {@code fleet}; returns the measured figures by
     * name. A run that lost, duplicated or reordered anything throws {@link DeliveryFailure}.
     */
    Map<String, Double> run(ServerProcess server, ClientFleet fleet) throws Exception;

    /** The headline figure for the ratio column. */
    String headline();

    /** Whether more of {@link #headline()} is better (throughput) or worse (latency, memory). */
    boolean higherIsBetter();

    /** One table cell from the medians of the figures. */
    String cell(Map<String, Double> medians);

    /** Thrown when a receiver missed, duplicated or reordered a message: the run failed. */
    final class DeliveryFailure extends Exception {
        private static final long serialVersionUID = 1L;

        DeliveryFailure(String message) {
            super(message);
        }
    }
}
