package dev.mucengine.core.muc;

/** The namespaces and form types XEP-0045 defines (§16.1, §16.5). */
public final class MucNamespaces {
    public static final String MUC = "http://jabber.org/protocol/muc";
    public static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    public static final String MUC_ADMIN = "http://jabber.org/protocol/muc#admin";
    public static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";
    public static final String MUC_ROOMCONFIG = "http://jabber.org/protocol/muc#roomconfig";
    public static final String MUC_ROOMINFO = "http://jabber.org/protocol/muc#roominfo";
    public static final String MUC_REGISTER = "http://jabber.org/protocol/muc#register";
    public static final String MUC_REQUEST = "http://jabber.org/protocol/muc#request";
    /** XEP-0045 §16.3: the room keeps message ids stable (every reflected message has the sender's id). */
    public static final String MUC_STABLE_ID = "http://jabber.org/protocol/muc#stable_id";

    private MucNamespaces() {
    }
}
