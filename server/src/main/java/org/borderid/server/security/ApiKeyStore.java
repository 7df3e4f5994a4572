package org.borderid.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.borderid.server.storage.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys of one data folder, stored only as salted hashes in {@value #FILE_NAME}.
 *
 * <p>A key reads {@code bidk_<id>_<secret>}: a public id of {@value #ID_CHARS} base-32 characters (60 bits; it names
 * the key in listings and in the audit log) and a secret of {@value #SECRET_BYTES} random bytes in base64url (256
 * bits). The file keeps, per key, a random {@value #SALT_BYTES}-byte salt and HMAC-SHA-256(salt, secret). A fast
 * keyed hash is the right tool here, unlike for passwords: the secret has 256 bits of entropy, so no amount of hashing
 * speed makes guessing it feasible, and a slow KDF (PBKDF2) would cost every API call tens of milliseconds. Hashes
 * are compared in constant time ({@link MessageDigest#isEqual}).
 *
 * <p>The file is versioned ({@value #FORMAT}, version {@value #FORMAT_VERSION}) and carries a SHA-256 of its key list;
 * a damaged or newer file is refused with {@link ApiKeyFileException}. Writers ({@code borderid keys create|revoke})
 * take a file lock and replace the file atomically; a running server re-reads it at most every
 * {@value #RELOAD_INTERVAL_MS} ms, so new and revoked keys take effect without a restart.
 *
 * <p>Demo keys ({@link #withDemoKeys()}) are fixed, documented strings for {@code borderid serve --demo} only: they
 * live in memory and are never written to the file.
 */
public final class ApiKeyStore {
    /** The key file's name inside the data folder. */
    public static final String FILE_NAME = "api-keys.json";
    /** Format name written to, and required in, the file. */
    public static final String FORMAT = "borderid-api-keys";
    /** Current format version; newer files are refused. */
    public static final int FORMAT_VERSION = 1;
    /** Every key starts with this prefix (it makes leaked keys easy to find with secret scanners). */
    public static final String PREFIX = "bidk_";
    /** Length of the public id, base-32 characters (5 bits each: 60 bits, collisions negligible). */
    public static final int ID_CHARS = 12;
    /** Random bytes of a key's secret (256 bits). */
    public static final int SECRET_BYTES = 32;
    /** Random bytes of each key's salt. */
    public static final int SALT_BYTES = 16;
    /** Longest label, characters. */
    public static final int MAX_LABEL = 100;
    /** How often a running server looks for changes made by the CLI, milliseconds. */
    public static final long RELOAD_INTERVAL_MS = 1000;

    /** Demo key of the kiosk role ({@code serve --demo} only; documented in README and docs/server.md). */
    public static final String DEMO_KIOSK_KEY = "demo-kiosk-key";
    /** Demo key of the admin role ({@code serve --demo} only). */
    public static final String DEMO_ADMIN_KEY = "demo-admin-key";
    /** Demo key of the auditor role ({@code serve --demo} only). */
    public static final String DEMO_AUDITOR_KEY = "demo-auditor-key";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);
    private static final Pattern ID = Pattern.compile("[a-z2-7]{" + ID_CHARS + "}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] DUMMY_SALT = new byte[SALT_BYTES];
    private static final ConcurrentHashMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private record StoredKey(ApiKeyInfo info, byte[] salt, byte[] hash) {}

    private record Snapshot(Map<String, StoredKey> keys, Object stamp) {}

    private final Path file;
    private final Map<String, Principal> demoKeys;
    private volatile Snapshot snapshot;
    private volatile long nextCheckNanos;

    private ApiKeyStore(Path file, Map<String, Principal> demoKeys, Snapshot snapshot) {
        this.file = file;
        this.demoKeys = demoKeys;
        this.snapshot = snapshot;
        this.nextCheckNanos = System.nanoTime() + RELOAD_INTERVAL_MS * 1_000_000;
    }

    /**
     * The keys of a data folder (none if it has no key file yet).
     *
     * @throws ApiKeyFileException if the file cannot be read, is damaged or of a newer version
     */
    public static ApiKeyStore open(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        return new ApiKeyStore(file, Map.of(), read(file));
    }

    /** This store plus the three fixed demo keys ({@link #DEMO_KIOSK_KEY} ...). For {@code serve --demo} only. */
    public ApiKeyStore withDemoKeys() {
        Map<String, Principal> demo = new LinkedHashMap<>();
        demo.put(DEMO_KIOSK_KEY, new Principal("demo-kiosk", Role.KIOSK));
        demo.put(DEMO_ADMIN_KEY, new Principal("demo-admin", Role.ADMIN));
        demo.put(DEMO_AUDITOR_KEY, new Principal("demo-auditor", Role.AUDITOR));
        return new ApiKeyStore(file, Map.copyOf(demo), snapshot);
    }

    /**
     * Creates a key, stores its salted hash and returns the only copy of its secret.
     *
     * @param label who or what holds the key (printable, at most {@value #MAX_LABEL} characters; may be empty)
     */
    public IssuedKey create(Role role, String label) {
        checkLabel(label);
        String id = randomId();
        byte[] secretBytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        StoredKey key = new StoredKey(new ApiKeyInfo(id, role, label, Instant.now(), null), salt, hmac(salt, secret));
        modify(keys -> {
            if (keys.containsKey(id)) {
                throw new IllegalStateException("key id collision; try again");
            }
            keys.put(id, key);
            return true;
        });
        return new IssuedKey(id, role, PREFIX + id + "_" + secret);
    }

    /** Revokes a key by id; returns false if there is no such active key. */
    public boolean revoke(String keyId) {
        return modify(keys -> {
            StoredKey k = keys.get(keyId);
            if (k == null || !k.info().active()) {
                return false;
            }
            ApiKeyInfo i = k.info();
            keys.put(keyId, new StoredKey(new ApiKeyInfo(i.keyId(), i.role(), i.label(), i.created(), Instant.now()),
                    k.salt(), k.hash()));
            return true;
        });
    }

    /** Every key's metadata, oldest first (revoked keys included). */
    public List<ApiKeyInfo> list() {
        return current().keys().values().stream().map(StoredKey::info).toList();
    }

    /**
     * The principal of a presented key, or empty when the key is malformed, unknown or revoked. Runs in time that
     * does not depend on how much of the secret matched.
     */
    public Optional<Principal> authenticate(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        if (!demoKeys.isEmpty() && !presented.startsWith(PREFIX)) {
            return demoKey(presented);
        }
        if (!presented.startsWith(PREFIX) || presented.length() != PREFIX.length() + ID_CHARS + 1 + 43
                || presented.charAt(PREFIX.length() + ID_CHARS) != '_') {
            return Optional.empty();
        }
        String id = presented.substring(PREFIX.length(), PREFIX.length() + ID_CHARS);
        String secret = presented.substring(PREFIX.length() + ID_CHARS + 1);
        if (!ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        StoredKey key = current().keys().get(id);
        if (key == null) {
            hmac(DUMMY_SALT, secret); // same work as for a known id
            return Optional.empty();
        }
        boolean equal = MessageDigest.isEqual(key.hash(), hmac(key.salt(), secret));
        return equal && key.info().active() ? Optional.of(new Principal(id, key.info().role())) : Optional.empty();
    }

    /** Whether this store accepts the fixed demo keys. */
    public boolean demoKeysEnabled() {
        return !demoKeys.isEmpty();
    }

    private Optional<Principal> demoKey(String presented) {
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        Principal found = null;
        for (Map.Entry<String, Principal> e : demoKeys.entrySet()) {
            if (MessageDigest.isEqual(p, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The current snapshot, re-read from disk if the file changed (checked at most every reload interval). */
    private Snapshot current() {
        long now = System.nanoTime();
        if (now - nextCheckNanos < 0) {
            return snapshot;
        }
        synchronized (this) {
            if (System.nanoTime() - nextCheckNanos >= 0) {
                nextCheckNanos = System.nanoTime() + RELOAD_INTERVAL_MS * 1_000_000;
                Object stamp = stamp(file);
                if (!stamp.equals(snapshot.stamp())) {
                    try {
                        snapshot = read(file);
                        LOG.info("API keys reloaded from {}: {} keys", file, snapshot.keys().size());
                    } catch (ApiKeyFileException e) {
                        LOG.error("API key file {} changed but cannot be read; keeping the previous keys: {}", file,
                                e.getMessage());
                        snapshot = new Snapshot(snapshot.keys(), stamp);
                    }
                }
            }
            return snapshot;
        }
    }

    private interface Change {
        boolean apply(Map<String, StoredKey> keys);
    }

    private boolean modify(Change change) {
        // File locks are per process: serialise this JVM's writers first, then lock against other processes.
        synchronized (JVM_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object())) {
            return modifyLocked(change);
        }
    }

    private boolean modifyLocked(Change change) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path lockFile = file.resolveSibling(FILE_NAME + ".lock");
            try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockChannel.lock()) {
                Map<String, StoredKey> keys = new LinkedHashMap<>(read(file).keys());
                if (!change.apply(keys)) {
                    return false;
                }
                write(file, keys);
                snapshot = read(file);
                return true;
            }
        } catch (IOException e) {
            throw new ApiKeyFileException("cannot update API key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Snapshot read(Path file) {
        Object stamp = stamp(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Snapshot(Map.of(), stamp);
        } catch (IOException e) {
            throw new ApiKeyFileException("cannot read API key file " + file + ": " + e.getMessage(), e);
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new ApiKeyFileException(file + " is not a BorderID API key file");
            }
            int version = root.path("version").asInt(-1);
            if (version != FORMAT_VERSION) {
                throw new ApiKeyFileException(file + " has format version " + version + "; this BorderID reads "
                        + FORMAT_VERSION + (version > FORMAT_VERSION ? " (written by a newer release?)" : ""));
            }
            JsonNode keysNode = root.path("keys");
            if (!keysNode.isArray() || !sha256Hex(JSON.writeValueAsBytes(keysNode)).equals(
                    root.path("sha256").asText())) {
                throw new ApiKeyFileException(file + " is damaged: its checksum does not match its keys");
            }
            Map<String, StoredKey> keys = new LinkedHashMap<>();
            for (JsonNode k : keysNode) {
                ApiKeyInfo info = new ApiKeyInfo(k.path("id").asText(), Role.parse(k.path("role").asText()),
                        k.path("label").asText(""), Instant.parse(k.path("created").asText()),
                        k.hasNonNull("revoked") ? Instant.parse(k.path("revoked").asText()) : null);
                byte[] salt = Base64.getDecoder().decode(k.path("salt").asText());
                byte[] hash = Base64.getDecoder().decode(k.path("hash").asText());
                if (!ID.matcher(info.keyId()).matches() || salt.length != SALT_BYTES || hash.length != 32) {
                    throw new ApiKeyFileException(file + " has a malformed key entry " + info.keyId());
                }
                keys.put(info.keyId(), new StoredKey(info, salt, hash));
            }
            return new Snapshot(Collections.unmodifiableMap(keys), stamp);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiKeyFileException a) {
                throw a;
            }
            throw new ApiKeyFileException(file + " cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, Map<String, StoredKey> keys) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", FORMAT_VERSION);
        ArrayNode array = root.putArray("keys");
        for (StoredKey k : keys.values()) {
            ObjectNode n = array.addObject();
            n.put("id", k.info().keyId());
            n.put("role", k.info().role().id());
            n.put("label", k.info().label());
            n.put("created", k.info().created().toString());
            if (k.info().revoked() != null) {
                n.put("revoked", k.info().revoked().toString());
            }
            n.put("salt", Base64.getEncoder().encodeToString(k.salt()));
            n.put("hash", Base64.getEncoder().encodeToString(k.hash()));
        }
        root.put("sha256", sha256Hex(JSON.writeValueAsBytes(array)));
        DurableFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), true);
    }

    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime().toMillis(), a.size(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static byte[] hmac(byte[] salt, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.length == 0 ? DUMMY_SALT : salt, "HmacSHA256"));
            return mac.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String randomId() {
        char[] id = new char[ID_CHARS];
        for (int i = 0; i < id.length; i++) {
            id[i] = BASE32[RANDOM.nextInt(32)];
        }
        return new String(id);
    }

    private static void checkLabel(String label) {
        if (label == null || label.length() > MAX_LABEL || !label.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new IllegalArgumentException("a key label is printable text of at most " + MAX_LABEL
                    + " characters");
        }
    }

    /** For tests and diagnostics: the ids of the keys currently loaded. */
    List<String> loadedIds() {
        return new ArrayList<>(current().keys().keySet());
    }
}
