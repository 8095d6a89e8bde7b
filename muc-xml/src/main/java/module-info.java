/** The XMPP wire format: parsing (single stanzas and continuous streams) and serialization. */
module dev.mucengine.xml {
    requires transitive dev.mucengine.core;
    requires com.ctc.wstx;
    requires org.codehaus.stax2;
    requires java.xml;
    requires static org.jspecify;

    exports dev.mucengine.xml;
}
