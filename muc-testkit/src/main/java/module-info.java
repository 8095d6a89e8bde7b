/**
 * Scripted-conversation replay (scansion) against the engine: CLI and JUnit 5 test factory; and the
 * contract test suite of room stores.
 */
module dev.mucengine.testkit {
    // Core's types (RoomStore, Element, IdSource...) and JUnit's (the contract's annotations,
    // ScansionTests' DynamicNode) are part of this module's API: its users read them through it.
    requires transitive dev.mucengine.core;
    requires dev.mucengine.xml;
    requires static transitive org.junit.jupiter.api;
    requires static org.jspecify;
    exports dev.mucengine.testkit;
    exports dev.mucengine.testkit.junit;
    exports dev.mucengine.testkit.match;
    exports dev.mucengine.testkit.script;
    exports dev.mucengine.testkit.store;
}
