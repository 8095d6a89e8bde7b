package dev.mucengine.xml;

import dev.mucengine.core.xml.Element;
import java.util.Objects;

/** What {@link XmppStreamReader#next()} found on the wire. */
public sealed interface StreamEvent {

    /**
     * A {@code <stream:stream>} header: the first one, or a restart on the same connection.
     *
     * @param header the header as received
     */
    record StreamOpened(StreamHeader header) implements StreamEvent {
        /**
         * Checks the event.
         *
         * @param header the header
         * @throws NullPointerException if {@code header} is null
         */
        public StreamOpened {
            Objects.requireNonNull(header, "header");
        }
    }

    /**
     * One complete top-level element (stanza, {@code <auth/>}, {@code <handshake/>}...).
     *
     * @param element the element; in {@code jabber:client} if it was in the stream's content namespace
     */
    record ElementReceived(Element element) implements StreamEvent {
        /**
         * Checks the event.
         *
         * @param element the element
         * @throws NullPointerException if {@code element} is null
         */
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

    /**
     * The peer violated XML or XMPP rules; send {@link StreamError#toElement()} and close. Terminal.
     *
     * @param error the stream error to send
     */
    record StreamFailed(StreamError error) implements StreamEvent {
        /**
         * Checks the event.
         *
         * @param error the stream error
         * @throws NullPointerException if {@code error} is null
         */
        public StreamFailed {
            Objects.requireNonNull(error, "error");
        }
    }
}
