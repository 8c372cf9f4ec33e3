package dm20.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Seat tokens: made by the mcp-server, verified by the relay through their hash. A token is the only
 * secret of a seat; identity (seat, player, character ids) is public and never derived from it.
 * Thread-safe.
 */
public final class Tokens {

    /** 192 random bits, comfortably above the 128-bit floor. */
    private static final int TOKEN_BYTES = 24;
    private static final MessageDigest SHA_256 = newSha256();

    private final SecureRandom random;

    public Tokens(SecureRandom random) {
        this.random = random;
    }

    /** A fresh token: 32 base64url characters, no padding, URL-fragment safe. */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lowercase hex SHA-256 of the token's UTF-8 bytes: what travels on the bus. */
    public static String hash(String token) {
        byte[] digest = sha256().digest(token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /**
     * A fresh SHA-256 digest, cloned from one made once: {@code MessageDigest.getInstance} looks the provider up on
     * every call, which was 3 % of the relay's CPU per {@code POST /action} (the bearer token is hashed per request).
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Constant-time comparison of two hashes, so a timing difference says nothing about a guess. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
