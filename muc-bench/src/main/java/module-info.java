/** JMH benchmarks of the engine and the codec, and the load generator (package load); run from target/benchmarks.jar, never a dependency. */
module dev.mucengine.bench {
    requires dev.mucengine.core;
    requires dev.mucengine.xml;
    requires jmh.core;
    requires java.management; // FanoutCpuTime: thread CPU time
    requires static org.jspecify;

    // JMH instantiates the benchmark states and generated runners reflectively.
    opens dev.mucengine.bench;
    opens dev.mucengine.bench.jmh_generated;
}
