/**
 * The MUC engine core: the immutable stanza model and the room state machine. No I/O inside.
 *
 * <p>Only the API is exported: the service and its configuration, the handler interface and its
 * effects, stanza and XML values, data forms, the MUC vocabulary, room values, and the store SPI.
 * Everything under {@code dev.mucengine.core.internal} is the implementation.
 */
module dev.mucengine.core {
    requires transitive jxmpp.jid;
    requires transitive jxmpp.core;
    requires static transitive org.jspecify;

    exports dev.mucengine.core.api;
    exports dev.mucengine.core.form;
    exports dev.mucengine.core.module;
    exports dev.mucengine.core.muc;
    exports dev.mucengine.core.room;
    exports dev.mucengine.core.service;
    exports dev.mucengine.core.stanza;
    exports dev.mucengine.core.store;
    exports dev.mucengine.core.xml;
}
