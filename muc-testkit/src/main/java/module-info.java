/**
 * Scripted-conversation replay (scansion) against the engine: CLI and JUnit 5 test factory; and the
 * contract test suite of room stores.
 */
module dev.mucengine.testkit {
    requires dev.mucengine.core;
    requires dev.mucengine.xml;
    requires static org.junit.jupiter.api;
    requires static org.jspecify;
    exports dev.mucengine.testkit;
    exports dev.mucengine.testkit.junit;
    exports dev.mucengine.testkit.match;
    exports dev.mucengine.testkit.script;
    exports dev.mucengine.testkit.store;
}
