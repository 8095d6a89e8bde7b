package dev.mucengine.bench.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The runs of a comparison, and the markdown table of their medians. */
final class Results {

    /** One run's figures, or why it failed. */
    record Run(@Nullable Map<String, Double> figures, @Nullable String failure) {

        static Run ok(Map<String, Double> figures) {
            return new Run(figures, null);
        }

        static Run failed(String why) {
            return new Run(null, why);
        }
    }

    private final Map<String, List<Run>> runs = new HashMap<>();

    void add(Scenario scenario, String server, Run run) {
        runs.computeIfAbsent(scenario.key() + "/" + server, k -> new ArrayList<>()).add(run);
    }

    /** The medians of each figure over the runs that succeeded; empty if none did. */
    Map<String, Double> medians(Scenario scenario, String server) {
        List<Map<String, Double>> good = new ArrayList<>();
        for (Run r : runs.getOrDefault(scenario.key() + "/" + server, List.of())) {
            if (r.figures() != null) {
                good.add(r.figures());
            }
        }
        Map<String, Double> medians = new HashMap<>();
        if (good.isEmpty()) {
            return medians;
        }
        for (String name : good.get(0).keySet()) {
            medians.put(name, median(good.stream().map(m -> m.get(name)).toList()));
        }
        return medians;
    }

    private long failures(Scenario scenario, String server) {
        return runs.getOrDefault(scenario.key() + "/" + server, List.of()).stream()
                .filter(r -> r.failure() != null).count();
    }

    /** Rows per scenario, a column per server, and the last server against the first. */
    String table(List<Scenario> scenarios, List<String> servers, int runCount) {
        StringBuilder t = new StringBuilder("| scenario |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (String s : servers) {
            t.append(' ').append(s).append(" |");
            rule.append(" --- |");
        }
        boolean ratio = servers.size() == 2;
        if (ratio) {
            t.append(" ratio |");
            rule.append(" --- |");
        }
        t.append('\n').append(rule).append('\n');
        for (Scenario scenario : scenarios) {
            t.append("| ").append(scenario.title()).append(" |");
            for (String server : servers) {
                Map<String, Double> m = medians(scenario, server);
                long failed = failures(scenario, server);
                String cell = m.isEmpty() ? "no run succeeded" : scenario.cell(m);
                if (failed > 0) {
                    cell += String.format(Locale.ROOT, " (%d of %d runs failed)", failed, runCount);
                }
                t.append(' ').append(cell).append(" |");
            }
            if (ratio) {
                t.append(' ').append(ratio(scenario, servers)).append(" |");
            }
            t.append('\n');
        }
        return t.toString();
    }

    private String ratio(Scenario scenario, List<String> servers) {
        Double first = medians(scenario, servers.get(0)).get(scenario.headline());
        Double second = medians(scenario, servers.get(1)).get(scenario.headline());
        if (first == null || second == null || first.isNaN() || second.isNaN() || first <= 0 || second <= 0) {
            return "";
        }
        // Always "how many times better the second server is": above 1 it wins, below 1 it loses.
        boolean higher = scenario.higherIsBetter();
        double r = higher ? second / first : first / second;
        return String.format(Locale.ROOT, "%.1fx (%s: %s ÷ %s)", r, scenario.headline(),
                higher ? servers.get(1) : servers.get(0), higher ? servers.get(0) : servers.get(1));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
