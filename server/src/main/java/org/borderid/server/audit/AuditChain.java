package org.borderid.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The line format and hash rule of the audit log, shared by the writer and the verifier.
 *
 * <p>An entry's canonical form is its JSON object with the fields {@code seq, time, actor, role, action, subject,
 * outcome, detail, prev} in this order, no whitespace, Jackson's string escaping. Its hash is the SHA-256 of the
 * canonical form's UTF-8 bytes, hex; since the canonical form contains {@code prev}, each hash covers the whole log
 * before it. The line written is the canonical form with {@code ,"hash":"…"} inserted before the closing brace, then
 * {@code \n}. A line that parses to the same values but is not byte-identical to what the writer would produce (extra
 * spaces, reordered fields) is refused too: the log is checked byte for byte.
 */
final class AuditChain {
    /** {@code prev} of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("seq", "time", "actor", "role", "action", "subject", "outcome",
            "detail", "prev", "hash");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private AuditChain() {}

    /** The entry for the given values, with its hash computed. */
    static AuditEntry seal(long seq, String time, String actor, String role, String action, String subject,
            String outcome, String detail, String prev) {
        AuditEntry unsealed = new AuditEntry(seq, time, actor, role, action, subject, outcome, detail, prev, "");
        return new AuditEntry(seq, time, actor, role, action, subject, outcome, detail, prev,
                sha256Hex(canonical(unsealed)));
    }

    /** The line (without the newline) of a sealed entry. */
    static String line(AuditEntry e) {
        String body = canonical(e);
        return body.substring(0, body.length() - 1) + ",\"hash\":\"" + e.hash() + "\"}";
    }

    /**
     * Parses a line and checks that it is exactly what the writer produces for its values and that its hash is right.
     * The chain (seq and prev against the previous entry) is the caller's to check.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static AuditEntry parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        for (String expected : FIELDS) {
            if (!names.hasNext() || !expected.equals(names.next())) {
                throw new IllegalArgumentException("fields are not " + FIELDS + " in this order");
            }
        }
        if (names.hasNext() || !node.get("seq").canConvertToExactIntegral() || !node.get("seq").isIntegralNumber()) {
            throw new IllegalArgumentException("unexpected fields or a non-integer seq");
        }
        for (String text : FIELDS.subList(1, FIELDS.size())) {
            if (!node.get(text).isTextual()) {
                throw new IllegalArgumentException("field '" + text + "' is not a string");
            }
        }
        AuditEntry e = new AuditEntry(node.get("seq").asLong(), node.get("time").asText(), node.get("actor").asText(),
                node.get("role").asText(), node.get("action").asText(), node.get("subject").asText(),
                node.get("outcome").asText(), node.get("detail").asText(), node.get("prev").asText(),
                node.get("hash").asText());
        if (!HEX64.matcher(e.prev()).matches() || !HEX64.matcher(e.hash()).matches()) {
            throw new IllegalArgumentException("prev and hash must be 64 lower-case hex digits");
        }
        if (!line(e).equals(line)) {
            throw new IllegalArgumentException("the line is not in canonical form (edited?)");
        }
        if (!sha256Hex(canonical(e)).equals(e.hash())) {
            throw new IllegalArgumentException("its hash does not match its content (edited?)");
        }
        return e;
    }

    private static String canonical(AuditEntry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", e.seq());
        n.put("time", e.time());
        n.put("actor", e.actor());
        n.put("role", e.role());
        n.put("action", e.action());
        n.put("subject", e.subject());
        n.put("outcome", e.outcome());
        n.put("detail", e.detail());
        n.put("prev", e.prev());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
