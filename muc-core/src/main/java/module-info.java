/** The MUC engine core: the immutable stanza model and the room state machine. No I/O inside. */
module dev.mucengine.core {
    requires transitive jxmpp.jid;
    requires transitive jxmpp.core;
    requires static transitive org.jspecify;

    exports dev.mucengine.core.api;
    exports dev.mucengine.core.form;
    exports dev.mucengine.core.muc;
    exports dev.mucengine.core.nick;
    exports dev.mucengine.core.room.admin;
    exports dev.mucengine.core.room.config;
    exports dev.mucengine.core.room.disco;
    exports dev.mucengine.core.room.join;
    exports dev.mucengine.core.room.message;
    exports dev.mucengine.core.room.owner;
    exports dev.mucengine.core.room.presence;
    exports dev.mucengine.core.room.register;
    exports dev.mucengine.core.room;
    exports dev.mucengine.core.service;
    exports dev.mucengine.core.stanza;
    exports dev.mucengine.core.store;
    exports dev.mucengine.core.xml;
}
