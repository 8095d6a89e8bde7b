package dev.mucengine.server.c2s;

import java.util.Arrays;

/**
 * What a server keeps for SCRAM (RFC 5802 §3): never the password itself.
 *
 * @param salt       random salt
 * @param iterations PBKDF2 iteration count
 * @param storedKey  H(ClientKey)
 * @param serverKey  HMAC(SaltedPassword, "Server Key")
 */
record ScramCredentials(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    ScramCredentials {
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    static ScramCredentials derive(String password, byte[] salt, int iterations) {
        byte[] salted = ScramSha1.saltedPassword(password, salt, iterations);
        byte[] clientKey = ScramSha1.hmac(salted, "Client Key");
        return new ScramCredentials(salt, iterations, ScramSha1.hash(clientKey),
                ScramSha1.hmac(salted, "Server Key"));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramCredentials c && iterations == c.iterations
                && Arrays.equals(salt, c.salt) && Arrays.equals(storedKey, c.storedKey)
                && Arrays.equals(serverKey, c.serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(storedKey);
    }

    @Override
    public String toString() {
        return "ScramCredentials[iterations=" + iterations + "]";
    }
}
