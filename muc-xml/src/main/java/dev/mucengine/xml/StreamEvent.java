package dev.mucengine.xml;

import dev.mucengine.core.xml.Element;
import java.util.Objects;

/** What {@link XmppStreamReader#next()} found on the wire. */
public sealed interface StreamEvent {

    /** A {@code <stream:stream>} header: the first one, or a restart on the same connection. */
    record StreamOpened(StreamHeader header) implements StreamEvent {
        public StreamOpened {
            Objects.requireNonNull(header, "header");
        }
    }

    /** One complete top-level element (stanza, {@code <auth/>}, {@code <handshake/>}...). */
    record ElementReceived(Element element) implements StreamEvent {
        public ElementReceived {
            Objects.requireNonNull(element, "element");
        }
    }

    /** The peer sent {@code </stream:stream>}. Terminal. */
    record StreamClosed() implements StreamEvent {
    }

    /**
     * The input ended without {@code </stream:stream>} (the peer dropped the connection); a
     * partially received element is discarded. Terminal.
     */
    record InputEnded() implements StreamEvent {
    }

    /** The peer violated XML or XMPP rules; send {@link StreamError#toElement()} and close. Terminal. */
    record StreamFailed(StreamError error) implements StreamEvent {
        public StreamFailed {
            Objects.requireNonNull(error, "error");
        }
    }
}
