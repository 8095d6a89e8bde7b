package dev.mucengine.server.c2s;

import java.net.InetAddress;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

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
}
