package dev.mucengine.core.stanza;

import dev.mucengine.core.muc.MucNamespaces;

/**
 * Namespaces of the XMPP protocols other than MUC that the engine speaks (RFC 6120 and the XEPs
 * around XEP-0045). XEP-0045's own are in {@link dev.mucengine.core.muc.MucNamespaces}.
 */
public final class XmppNamespaces {

    /** RFC 6120 §4.8.1: the stream element and stream errors. */
    public static final String STREAMS = "http://etherx.jabber.org/streams";
    /** XEP-0004 data forms. */
    public static final String DATA = "jabber:x:data";
    /** XEP-0077 in-band registration, which XEP-0045 §7.10 uses to register with a room. */
    public static final String REGISTER = "jabber:iq:register";
    /** XEP-0030 service discovery. */
    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    /** XEP-0030 service discovery. */
    public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    /** XEP-0203 delayed delivery, on discussion history. */
    public static final String DELAY = "urn:xmpp:delay";
    /** XEP-0249 direct invitations, which mediated invitations carry for old clients. */
    public static final String CONFERENCE = "jabber:x:conference";
    /** XEP-0050 ad-hoc commands. */
    public static final String COMMANDS = "http://jabber.org/protocol/commands";
    /** XEP-0199 ping. */
    public static final String PING = "urn:xmpp:ping";
    /** XEP-0054 vCards. */
    public static final String VCARD = "vcard-temp";
    /** XEP-0313 message archive management. */
    public static final String MAM = "urn:xmpp:mam:2";
    /** XEP-0313: the before-id, after-id and ids fields, flipped pages and archive metadata. */
    public static final String MAM_EXTENDED = "urn:xmpp:mam:2#extended";
    /** XEP-0359 unique and stable stanza ids. */
    public static final String STANZA_ID = "urn:xmpp:sid:0";
    /** XEP-0297 stanza forwarding, which carries archive results. */
    public static final String FORWARD = "urn:xmpp:forward:0";
    /** XEP-0059 result set management, the paging of archive queries. */
    public static final String RSM = "http://jabber.org/protocol/rsm";
    /** XEP-0122 data forms validation. */
    public static final String DATA_VALIDATE = "http://jabber.org/protocol/xdata-validate";
    /** XEP-0421 anonymous occupant ids. */
    public static final String OCCUPANT_ID = "urn:xmpp:occupant-id:0";

    private XmppNamespaces() {
    }
}
