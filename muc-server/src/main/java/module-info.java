/**
 * The engine behind real transports: {@code serve}, a small client-to-server XMPP server, and
 * {@code component}, the engine as an external component (XEP-0114) of an existing server. An
 * application, not a library: it exports nothing; {@code dev.mucengine.server.cli.Main} is the
 * entry point ({@code java -jar muc-server.jar}, or {@code java -m dev.mucengine.server/...}).
 */
module dev.mucengine.server {
    requires dev.mucengine.core;
    requires dev.mucengine.xml;
    requires dev.mucengine.store.sql;
    // The JVM's manageable memory flags, set at start (cli.MemorySettings).
    requires java.management;
    requires jdk.management;
    requires static org.jspecify;
}
