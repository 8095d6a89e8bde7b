package dev.mucengine.core.internal.room;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * Derives XEP-0421 occupant ids: HMAC-SHA-256, keyed by the service's secret, over the room's JID
 * and the user's real bare JID (XEP-0421 §4 suggests a keyed hash of exactly these). The same user
 * gets the same id in one room across nicknames, rejoins and restarts (the secret is durable),
 * another id in every other room, and nobody without the secret can tell whose id it is or link
 * ids across rooms. One instance per service, shared by the partitions a host may run rooms on:
 * a {@link Mac} is not thread-safe, so each thread keys its own.
 */
public final class OccupantIds {

    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    /**
     * @param secret the service's secret, as stored
     * @throws IllegalStateException if the JDK has no HMAC-SHA-256 (every Java SE runtime must)
     */
    public OccupantIds(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        Mac first = keyed(key); // fails here, at start, if it fails at all
        this.macs = ThreadLocal.withInitial(() -> keyed(key));
        macs.set(first);
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    /** The id of {@code user} in {@code room}: 256 bits in unpadded base64url (43 characters). */
    public String of(EntityBareJid room, BareJid user) {
        Mac mac = macs.get();
        mac.update(room.toString().getBytes(StandardCharsets.UTF_8));
        // A separator no JID contains, so that no two (room, user) pairs hash the same input.
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(user.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
