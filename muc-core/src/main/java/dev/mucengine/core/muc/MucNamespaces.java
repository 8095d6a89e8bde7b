package dev.mucengine.core.muc;

/** Namespaces the engine speaks. A constants holder, nothing else. */
public final class MucNamespaces {
    public static final String MUC = "http://jabber.org/protocol/muc";
    public static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    public static final String MUC_ADMIN = "http://jabber.org/protocol/muc#admin";
    public static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";
    public static final String MUC_ROOMCONFIG = "http://jabber.org/protocol/muc#roomconfig";
    public static final String MUC_ROOMINFO = "http://jabber.org/protocol/muc#roominfo";
    public static final String MUC_REGISTER = "http://jabber.org/protocol/muc#register";
    public static final String MUC_REQUEST = "http://jabber.org/protocol/muc#request";
    public static final String MUC_STABLE_ID = "http://jabber.org/protocol/muc#stable_id";
    public static final String DATA = "jabber:x:data";
    public static final String REGISTER = "jabber:iq:register";
    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    public static final String DELAY = "urn:xmpp:delay";
    public static final String CONFERENCE = "jabber:x:conference";
    public static final String COMMANDS = "http://jabber.org/protocol/commands";
    public static final String PING = "urn:xmpp:ping";
    public static final String STANZA_ID = "urn:xmpp:sid:0";

    private MucNamespaces() {
    }
}
