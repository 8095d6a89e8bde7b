package dev.mucengine.server.c2s;

import java.net.InetAddress;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;

/** Smack clients of a {@code serve} on loopback, as the Smack interop tests log in: no TLS, domain localhost. */
final class SmackClients {

    private SmackClients() {
    }

    /** A client of {@code user} with {@code resource}, not yet connected. */
    static XMPPTCPConnection client(int port, String user, String password, String resource) throws Exception {
        return new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHostAddress(InetAddress.getLoopbackAddress()).setPort(port)
                .setSecurityMode(SecurityMode.disabled).setUsernameAndPassword(user, password)
                .setResource(resource).build());
    }

    /** A client of {@code user} with {@code resource}, connected and logged in. */
    static XMPPTCPConnection loggedIn(int port, String user, String password, String resource) throws Exception {
        XMPPTCPConnection c = client(port, user, password, resource);
        c.connect().login();
        return c;
    }

    /** {@code owner} creates {@code room} as {@code nick} and makes it persistent (so it archives). */
    static MultiUserChat createPersistentRoom(XMPPTCPConnection owner, EntityBareJid room, String nick)
            throws Exception {
        MultiUserChat chat = MultiUserChatManager.getInstanceFor(owner).getMultiUserChat(room);
        chat.create(Resourcepart.from(nick));
        FillableForm config = chat.getConfigurationForm().getFillableForm();
        config.setAnswer("muc#roomconfig_persistentroom", true);
        chat.sendConfigurationForm(config);
        return chat;
    }
}
