package org.borderid.server.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;

/**
 * An enrolled subject: identity, owning agency, list memberships, minimal reference data and the biometric
 * templates (never images).
 *
 * @param id            unique id ({@link #ID} for ids given to the API)
 * @param agency        the owning agency ({@link #AGENCY} for agencies given to the API)
 * @param lists         list memberships (e.g. {@code watchlist}); the API takes 1..16 names of
 *                      {@link DecisionPolicy#LIST_NAME}
 * @param referenceData minimal reference data shown to administrators (e.g. name, nationality): at most
 *                      {@link #MAX_REFERENCE_ENTRIES} entries, keys {@link #REFERENCE_KEY}, values ≤ 256 characters
 * @param face          the face template, or {@code null}
 * @param fingers       finger templates by position (at most ten, {@link FingerPosition#UNKNOWN} excluded)
 * @param enrolled      when first enrolled
 * @param updated       when last replaced (equal to enrolled until then)
 */
public record Subject(String id, String agency, List<String> lists, Map<String, String> referenceData,
        FaceVector face, Map<FingerPosition, FingerprintTemplate> fingers, Instant enrolled, Instant updated) {
    /** Subject ids: letters, digits and {@code . _ : -}, 1..128 characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** Agency ids: as subject ids, 1..64 characters (the gallery's limit). */
    public static final Pattern AGENCY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    /** Reference data keys. */
    public static final Pattern REFERENCE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
    /** Most reference data entries. */
    public static final int MAX_REFERENCE_ENTRIES = 16;
    /** Longest reference data value, characters. */
    public static final int MAX_REFERENCE_VALUE = 256;
    /** Most lists per subject. */
    public static final int MAX_LISTS = 16;

    public Subject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(enrolled, "enrolled");
        Objects.requireNonNull(updated, "updated");
        // Input syntax (id, list and key patterns, sizes) is checked where requests are read; records read back
        // from the gallery may come from other tools and are taken as the gallery validated them.
        lists = List.copyOf(lists);
        referenceData = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(referenceData));
        fingers = fingers.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(fingers));
        if (fingers.containsKey(FingerPosition.UNKNOWN)) {
            throw new IllegalArgumentException("enrolled fingers need a known position");
        }
        if (face == null && fingers.isEmpty()) {
            throw new IllegalArgumentException("a subject needs a face or at least one finger");
        }
    }

    /** Whether the subject is on the list. */
    public boolean onList(String list) {
        return lists.contains(list);
    }
}
