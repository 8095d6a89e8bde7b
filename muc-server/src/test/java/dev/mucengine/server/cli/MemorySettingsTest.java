package dev.mucengine.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemorySettingsTest {

    @Test
    void aPlainJavaJarGetsTheDefaultsMinimumRatioFirst() {
        Map<String, String> flags = MemorySettings.defaults(List.of(), Map.of());

        assertThat(flags).containsExactly(Map.entry("MinHeapFreeRatio", "10"), Map.entry("MaxHeapFreeRatio", "30"),
                Map.entry("G1PeriodicGCInterval", "30000"));
    }

    @Test
    void flagsTheUserGaveAreLeftAsGiven() {
        Map<String, String> flags = MemorySettings.defaults(
                List.of("-Xmx256m", "-XX:MaxHeapFreeRatio=50", "-XX:G1PeriodicGCInterval=0"), Map.of());

        assertThat(flags).as("a ratio given leaves both to the JVM; so does the interval").isEmpty();
    }

    @Test
    void aHeapCapAloneStillGetsMemoryReturned() {
        assertThat(MemorySettings.defaults(List.of("-Xmx256m"), Map.of())).containsKeys("MinHeapFreeRatio",
                "MaxHeapFreeRatio", "G1PeriodicGCInterval");
    }

    @Test
    void theEnvironmentVariableKeepsTheJvmsOwnSettings() {
        assertThat(MemorySettings.defaults(List.of(), Map.of(MemorySettings.DISABLE, "jvm"))).isEmpty();
    }

    @Test
    void aFlagTheJvmRefusesIsSkippedAndTheOthersAreStillSet() {
        Map<String, String> set = new LinkedHashMap<>();
        List<String> applied = MemorySettings.apply(MemorySettings.defaults(List.of(), Map.of()), (flag, value) -> {
            if (flag.equals("G1PeriodicGCInterval")) {
                throw new IllegalArgumentException("no such flag");
            }
            set.put(flag, value);
        });

        assertThat(applied).containsExactly("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
        assertThat(set).containsOnlyKeys("MinHeapFreeRatio", "MaxHeapFreeRatio");
    }

    @Test
    void theRunningJvmTakesThem() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        String interval = vm.getVMOption("G1PeriodicGCInterval").getValue();
        try {
            List<String> applied = MemorySettings.apply(MemorySettings.defaults(List.of(), Map.of()),
                    vm::setVMOption);

            assertThat(applied).hasSize(3);
            assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("30");
            assertThat(vm.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("30000");
        } finally { // the other tests in this JVM keep its settings
            vm.setVMOption("G1PeriodicGCInterval", interval);
            vm.setVMOption("MaxHeapFreeRatio", max);
            vm.setVMOption("MinHeapFreeRatio", min);
        }
    }
}
