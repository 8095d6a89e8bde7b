package dev.mucengine.core.internal.modules;

import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The avatar hashes of a vCard: for each {@code <PHOTO/>} with a {@code <BINVAL/>}, the SHA-1 of
 * the decoded image bytes in lowercase hex (XEP-0153, as XEP-0486 §3.3 advertises them; one
 * hash per photo, XEP-0486 §5.1). A photo given only by {@code <EXTVAL/>} has no bytes to hash and
 * is left out.
 */
final class AvatarHashes {

    private AvatarHashes() {
    }

    /**
     * The hashes of the vCard's photos, in document order, or bad-request if a BINVAL is not
     * base64 (a client could not decode it either).
     */
    static Checked<List<String>> of(Element vcard) {
        List<String> hashes = new ArrayList<>();
        for (Element photo : vcard.children(XmppNamespaces.VCARD, "PHOTO")) {
            for (Element binval : photo.children(XmppNamespaces.VCARD, "BINVAL")) {
                byte[] image;
                try {
                    // XEP-0054 lets BINVAL be folded over lines: whitespace is not part of the data.
                    image = Base64.getDecoder().decode(binval.text().replaceAll("\\s", "")
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IllegalArgumentException notBase64) {
                    return Checked.refused(StanzaError.of(Condition.BAD_REQUEST)
                            .withText("The photo's BINVAL is not base64"));
                }
                hashes.add(HexFormat.of().formatHex(sha1().digest(image)));
            }
        }
        return Checked.accepted(List.copyOf(hashes));
    }

    /** The hashes of a vCard already accepted (a stored one): its BINVALs decode. */
    static List<String> ofStored(Element vcard) {
        return of(vcard) instanceof Checked.Accepted<List<String>> a ? a.value() : List.of();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e); // JCA guarantees it
        }
    }
}
