package dev.mucengine.xml;

/**
 * Resource limits applied to every parsed stanza. Exceeding any of them is reported as
 * {@link StreamErrorCondition#POLICY_VIOLATION} (RFC 6120 §4.9.3.14), never as an exception.
 *
 * @param maxStanzaBytes UTF-8 bytes of one top-level element, from its {@code <} to its final
 *     {@code >}; checked while reading, so an oversize stanza is cut off after at most this many bytes
 *     plus one read buffer (8 KiB)
 * @param maxDepth element nesting depth; the stanza itself is depth 1
 * @param maxAttributes attributes per element (namespace declarations not counted)
 * @param maxTextLength characters of one element's directly contained text
 * @param maxAttributeLength characters of one attribute value
 */
public record XmlLimits(int maxStanzaBytes, int maxDepth, int maxAttributes, int maxTextLength,
        int maxAttributeLength) {

    /**
     * Defaults: 256 KiB stanzas (XEP-0045 payloads such as room configuration forms stay well
     * below; the usual server default is 64-256 KiB), depth 32 (real stanzas rarely exceed 8),
     * 64 attributes, 256 Ki characters of text, 32 Ki characters per attribute value.
     */
    public static final XmlLimits DEFAULTS = new XmlLimits(262_144, 32, 64, 262_144, 32_768);

    /**
     * Checks the limits.
     *
     * @param maxStanzaBytes UTF-8 bytes of one top-level element
     * @param maxDepth element nesting depth
     * @param maxAttributes attributes per element
     * @param maxTextLength characters of one element's text
     * @param maxAttributeLength characters of one attribute value
     * @throws IllegalArgumentException if {@code maxStanzaBytes} or {@code maxDepth} is less than 1, or
     *     another limit is negative
     */
    public XmlLimits {
        if (maxStanzaBytes < 1 || maxDepth < 1 || maxAttributes < 0 || maxTextLength < 0
                || maxAttributeLength < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
