package dev.mucengine.core.muc;

/** The namespaces and form types XEP-0045 defines (§16.1, §16.5). */
public final class MucNamespaces {
    /** The base namespace (§19.1): join requests, and the feature every MUC service and room offers. */
    public static final String MUC = "http://jabber.org/protocol/muc";
    /** What the room says about occupants, and invitations (§19.2). */
    public static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    /** Role and affiliation changes and lists, by moderators and admins (§19.3). */
    public static final String MUC_ADMIN = "http://jabber.org/protocol/muc#admin";
    /** Room configuration and destruction, by owners (§19.4). */
    public static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";
    /** The FORM_TYPE of the room configuration form (§16.5.3). */
    public static final String MUC_ROOMCONFIG = "http://jabber.org/protocol/muc#roomconfig";
    /** The FORM_TYPE of the room information form in disco#info (§16.5.4). */
    public static final String MUC_ROOMINFO = "http://jabber.org/protocol/muc#roominfo";
    /** The FORM_TYPE of the room registration form (§16.5.1). */
    public static final String MUC_REGISTER = "http://jabber.org/protocol/muc#register";
    /** The FORM_TYPE of the voice request form (§16.5.2). */
    public static final String MUC_REQUEST = "http://jabber.org/protocol/muc#request";
    /** XEP-0045 §16.3: the room keeps message ids stable (every reflected message has the sender's id). */
    public static final String MUC_STABLE_ID = "http://jabber.org/protocol/muc#stable_id";
    /** XEP-0045 §10.1.4: asking the service for a room name no room has. */
    public static final String MUC_UNIQUE = "http://jabber.org/protocol/muc#unique";
    /** XEP-0410 §3.3: the room answers an occupant's ping to its own occupant JID itself. */
    public static final String MUC_SELF_PING = "http://jabber.org/protocol/muc#self-ping-optimization";

    private MucNamespaces() {
    }
}
