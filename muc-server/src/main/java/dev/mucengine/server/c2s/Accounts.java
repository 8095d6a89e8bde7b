package dev.mucengine.server.c2s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-memory accounts, by lower-case localpart. Thread-safe: SASL runs on connection threads while
 * admin commands and registration change accounts.
 */
final class Accounts {

    /** RFC 5802's recommended minimum; also what Smack and common servers use. */
    static final int ITERATIONS = 4096;

    private record Account(byte[] plainDigest, ScramCredentials scram) {
    }

    private final ConcurrentMap<String, Account> byName = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** Adds the account; false if the name is taken. */
    boolean add(String username, String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String key = key(username);
        if (byName.containsKey(key)) {
            return false;
        }
        Account account = new Account(sha256(password), ScramCredentials.derive(password, salt, ITERATIONS));
        return byName.putIfAbsent(key, account) == null;
    }

    /** Replaces the password of an existing account; false if there is none. */
    boolean changePassword(String username, String password) {
        if (!exists(username)) {
            return false;
        }
        byName.remove(key(username));
        return add(username, password);
    }

    boolean remove(String username) {
        return byName.remove(key(username)) != null;
    }

    boolean exists(String username) {
        return byName.containsKey(key(username));
    }

    /** SASL PLAIN: compares digests in constant time. */
    boolean checkPassword(String username, String password) {
        Account a = byName.get(key(username));
        return a != null && MessageDigest.isEqual(a.plainDigest(), sha256(password));
    }

    Optional<ScramCredentials> scram(String username) {
        return Optional.ofNullable(byName.get(key(username))).map(Account::scram);
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
