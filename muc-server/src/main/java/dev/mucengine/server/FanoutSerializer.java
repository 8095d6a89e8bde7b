package dev.mucengine.server;

import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.SplicedBytes;
import dev.mucengine.xml.StanzaTemplate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Serializes the stanzas a transport delivers, once per fan-out (issue 12): the engine sends a
 * groupchat message or a presence broadcast as consecutive copies that differ only in {@code to}
 * ({@link StanzaTemplate#differsOnlyInTo}), so the last stanza's template is kept and each
 * following copy is spliced from it instead of serialized again. The bytes are exactly the
 * serializer's ({@code StanzaTemplate}'s contract), so a writer can send them as they are.
 *
 * <p>Safe for several threads (engine threads): the one template held is immutable, and threads
 * that interleave fan-outs only replace each other's template, at the cost of a serialization.
 */
public final class FanoutSerializer {

    private final String contentNamespace;
    private volatile @Nullable StanzaTemplate last;

    /** @param contentNamespace the stream content namespace of the transport's streams */
    public FanoutSerializer(String contentNamespace) {
        this.contentNamespace = contentNamespace;
    }

    /**
     * The stanza's bytes in the stream's namespace.
     *
     * @param stanza a stanza
     * @return its bytes, or empty if it has no {@code to} to splice or cannot be serialized (send
     *     it as an element)
     */
    public Optional<SplicedBytes> serialize(Element stanza) {
        Optional<String> to = stanza.attribute("to");
        if (to.isEmpty()) {
            return Optional.empty();
        }
        StanzaTemplate template = last;
        if (template == null || !template.differsOnlyInTo(stanza)) {
            try {
                template = StanzaTemplate.of(stanza, contentNamespace);
            } catch (IllegalArgumentException e) {
                // A name that is no XML name (a programming error): left to the writer, which fails
                // that one connection as before, instead of failing the engine's whole batch here.
                return Optional.empty();
            }
            last = template;
        }
        return Optional.of(template.addressedTo(to.get()));
    }
}
