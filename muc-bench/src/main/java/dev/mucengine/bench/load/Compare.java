package dev.mucengine.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side comparison of issue 12: every scenario, several runs, each run against a
 * freshly started server of each kind in turn (so drift of a shared machine hits both alike),
 * then a markdown table of the medians with the machine it ran on. A run that lost, duplicated or
 * reordered a message, or failed otherwise, is reported and left out of the medians.
 *
 * <pre>
 * java -cp muc-bench/target/benchmarks.jar dev.mucengine.bench.load.Compare \
 *     --serve-jar muc-server/target/muc-server.jar [--servers prosody,serve] [--runs 3] \
 *     [--scenarios fanout-50,fanout-200,fanout-50x5,latency-200,joins,memory,connections] \
 *     [--seconds 10] [--warmup 3] [--loops 2] [--serve-jvm "-Xmx1g ..."]
 * </pre>
 */
public final class Compare {

    private Compare() {
    }

    /** The space-separated words of an option's value. */
    private static List<String> words(String value) {
        return Arrays.stream(value.split(" ")).filter(s -> !s.isBlank()).toList();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("--runs", "3"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "3"));
        int loops = Integer.parseInt(options.getOrDefault("--loops", "2"));
        List<ServerProcess.Kind> kinds = new ArrayList<>();
        for (String name : options.getOrDefault("--servers", "prosody,serve").split(",")) {
            kinds.add(switch (name) {
                case "prosody" -> ProsodyProcess.kind();
                case "serve" -> ServeServer.kind(Path.of(required(options, "--serve-jar")),
                        words(options.getOrDefault("--serve-jvm", "")),
                        words(options.getOrDefault("--serve-args", "")));
                default -> throw new IllegalArgumentException("unknown server " + name + " (prosody, serve)");
            });
        }
        List<Scenario> all = List.of(
                new FanoutScenario("fanout-50", 50, 1, 100, warmup, seconds, false),
                new FanoutScenario("fanout-200", 200, 1, 100, warmup, seconds, false),
                new FanoutScenario("fanout-50x5", 50, 5, 100, warmup, seconds, false),
                new FanoutScenario("latency-200", 200, 1, 1, warmup, seconds, true),
                new JoinScenario(2000, 100),
                new RoomMemoryScenario(5000),
                new ConnectionScenario(10_000, 50));
        List<String> wanted = options.containsKey("--scenarios")
                ? List.of(options.get("--scenarios").split(",")) : all.stream().map(Scenario::key).toList();
        List<Scenario> scenarios = all.stream().filter(s -> wanted.contains(s.key())).toList();
        if (scenarios.size() != wanted.size()) {
            throw new IllegalArgumentException("unknown scenario in " + wanted + "; known: "
                    + all.stream().map(Scenario::key).toList());
        }
        String machineBefore = Machine.describe();
        System.out.println(machineBefore);
        Results results = new Results();
        List<String> names = kinds.stream().map(ServerProcess.Kind::name).toList();
        for (int run = 1; run <= runs; run++) {
            for (Scenario scenario : scenarios) {
                for (ServerProcess.Kind kind : kinds) {
                    results.add(scenario, kind.name(), runOnce(run, scenario, kind, loops));
                }
            }
            // The table so far after every run: a long comparison cut short still leaves one.
            String report = machineBefore + "\nLoad average after run " + run + " of " + runs + ": "
                    + Machine.loadAverage() + "\n\n" + results.table(scenarios, names, run);
            System.out.println();
            System.out.println(report);
            if (options.containsKey("--out")) {
                Files.writeString(Path.of(options.get("--out")), report);
            }
        }
    }

    /** One run of one scenario against a new server; the figures, or the failure as text. */
    private static Results.Run runOnce(int run, Scenario scenario, ServerProcess.Kind kind, int loops) {
        String label = String.format(Locale.ROOT, "run=%d scenario=%s server=%s", run, scenario.key(), kind.name());
        try (ServerProcess server = kind.start(scenario.accounts());
                ClientFleet fleet = new ClientFleet(server.port(), loops)) {
            // Interrupted (Ctrl-C), the comparison still stops the server it started.
            Thread stopper = new Thread(() -> {
                try {
                    server.close();
                } catch (IOException | InterruptedException e) {
                    // exiting anyway
                }
            });
            Runtime.getRuntime().addShutdownHook(stopper);
            Map<String, Double> figures;
            try {
                figures = scenario.run(server, fleet);
            } finally {
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
            System.out.println(label + " " + format(figures));
            return Results.Run.ok(figures);
        } catch (Scenario.DeliveryFailure e) {
            System.out.println(label + " FAILED (delivery): " + e.getMessage());
            return Results.Run.failed("delivery: " + e.getMessage());
        } catch (Exception e) {
            System.out.println(label + " FAILED: " + e);
            return Results.Run.failed(String.valueOf(e.getMessage()));
        }
    }

    private static String format(Map<String, Double> figures) {
        StringBuilder s = new StringBuilder();
        figures.forEach((name, value) -> {
            String digits = value >= 100 || value == Math.rint(value) ? "%.0f" : "%.3f";
            s.append(name.replace(' ', '_')).append('=').append(String.format(Locale.ROOT, digits, value)).append(' ');
        });
        return s.toString().trim();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs; see the class comment: "
                        + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) throws IOException {
        String value = options.get(name);
        if (value == null) {
            throw new IOException(name + " is required");
        }
        return value;
    }
}
