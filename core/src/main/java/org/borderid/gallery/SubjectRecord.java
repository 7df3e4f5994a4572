package org.borderid.gallery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;

/**
 * One enrolled subject: identity, ownership, list memberships, a little reference data, and the biometrics the
 * gallery searches (a face embedding and up to ten finger templates keyed by ISO finger position).
 *
 * <p>Validated on construction; every problem is reported at once in an {@link InvalidRecordException}. The embedding
 * is copied in and {@link #face()} hands out a copy; the collections are unmodifiable. {@link #toString()} never
 * prints biometric data. The gallery checks the embedding's dimension against its own when the record is enrolled.
 *
 * @param id         the subject's id, unique in the gallery: 1..{@value #MAX_ID_LENGTH} characters of
 *                   {@code [A-Za-z0-9._:@-]}, starting with a letter or digit
 * @param agency     the owning agency, same syntax as the id, 1..{@value #MAX_AGENCY_LENGTH} characters
 * @param lists      list memberships (e.g. {@code watchlist}, {@code registered-traveler}), 0..{@value #MAX_LISTS}
 *                   names of {@code [a-z0-9._-]}, 1..{@value #MAX_LIST_LENGTH} characters, starting with a letter or
 *                   digit
 * @param attributes minimal reference data (e.g. {@code name}, {@code nationality}), 0..{@value #MAX_ATTRIBUTES}
 *                   entries; keys {@code [A-Za-z][A-Za-z0-9._-]*} up to {@value #MAX_ATTRIBUTE_KEY_LENGTH}
 *                   characters, values up to {@value #MAX_ATTRIBUTE_VALUE_LENGTH} characters without control
 *                   characters
 * @param face       the face embedding (any scale; the gallery compares directions), or {@code null}: finite values,
 *                   not all zero, 1..{@value #MAX_FACE_DIMENSION} components
 * @param fingers    finger templates by position, at most ten, none at {@link FingerPosition#UNKNOWN}
 */
public record SubjectRecord(String id, String agency, Set<String> lists, Map<String, String> attributes, float[] face,
                            Map<FingerPosition, FingerprintTemplate> fingers) {
    /** Longest subject id, characters. */
    public static final int MAX_ID_LENGTH = 128;
    /** Longest agency name, characters. */
    public static final int MAX_AGENCY_LENGTH = 64;
    /** Most lists a subject belongs to. */
    public static final int MAX_LISTS = 32;
    /** Longest list name, characters. */
    public static final int MAX_LIST_LENGTH = 64;
    /** Most reference attributes per subject. */
    public static final int MAX_ATTRIBUTES = 32;
    /** Longest attribute key, characters. */
    public static final int MAX_ATTRIBUTE_KEY_LENGTH = 64;
    /** Longest attribute value, characters. */
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 1024;
    /** Most embedding components accepted (Lucene's vector limit is 1024 for HNSW; the gallery's own is lower). */
    public static final int MAX_FACE_DIMENSION = 1024;
    /** Most fingers per subject: the ten ISO positions. */
    public static final int MAX_FINGERS = 10;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]*");
    private static final Pattern LIST = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    public SubjectRecord {
        List<InvalidRecordException.Problem> problems = new ArrayList<>();
        checkName(problems, "id", id, MAX_ID_LENGTH, ID);
        checkName(problems, "agency", agency, MAX_AGENCY_LENGTH, ID);
        lists = copyLists(problems, lists);
        attributes = copyAttributes(problems, attributes);
        face = face == null ? null : face.clone();
        checkFace(problems, face);
        boolean fingersGiven = fingers != null && !fingers.isEmpty();
        fingers = copyFingers(problems, fingers);
        if (face == null && !fingersGiven) {
            problems.add(new InvalidRecordException.Problem("biometrics",
                    "a record needs a face embedding or at least one finger"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
    }

    /** A builder for a record with this id. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A copy of the face embedding, or {@code null} when the record has none. */
    @Override
    public float[] face() {
        return face == null ? null : face.clone();
    }

    /** Whether the record has a face embedding. */
    public boolean hasFace() {
        return face != null;
    }

    /** Dimension of the face embedding, 0 when there is none. */
    public int faceDimension() {
        return face == null ? 0 : face.length;
    }

    /** Records are equal when every component is, the embedding compared by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectRecord r && id.equals(r.id) && agency.equals(r.agency) && lists.equals(r.lists)
                && attributes.equals(r.attributes) && Arrays.equals(face, r.face) && fingers.equals(r.fingers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, agency, lists, attributes, Arrays.hashCode(face), fingers);
    }

    /** Id, agency, lists and which biometrics are present; never the biometric data or the attribute values. */
    @Override
    public String toString() {
        return "SubjectRecord[" + id + ", agency " + agency + ", lists " + lists + ", " + attributes.size()
                + " attributes, " + (face == null ? "no face" : "face " + face.length + "-d") + ", fingers "
                + fingers.keySet() + "]";
    }

    private static void checkName(List<InvalidRecordException.Problem> problems, String field, String value, int max,
                                  Pattern syntax) {
        if (value == null) {
            problems.add(new InvalidRecordException.Problem(field, "missing"));
        } else if (value.isEmpty() || value.length() > max) {
            problems.add(new InvalidRecordException.Problem(field, "length must be 1.." + max + ", is "
                    + value.length()));
        } else if (!syntax.matcher(value).matches()) {
            problems.add(new InvalidRecordException.Problem(field, "must match " + syntax.pattern()));
        }
    }

    private static Set<String> copyLists(List<InvalidRecordException.Problem> problems, Set<String> lists) {
        if (lists == null) {
            return Set.of();
        }
        if (lists.size() > MAX_LISTS) {
            problems.add(new InvalidRecordException.Problem("lists", "at most " + MAX_LISTS + " lists, got "
                    + lists.size()));
        }
        TreeSet<String> copy = new TreeSet<>();
        for (String list : lists) {
            int before = problems.size();
            checkName(problems, "lists", list, MAX_LIST_LENGTH, LIST);
            if (problems.size() == before) {
                copy.add(list);
            }
        }
        return Collections.unmodifiableSet(copy);
    }

    private static Map<String, String> copyAttributes(List<InvalidRecordException.Problem> problems,
                                                      Map<String, String> attributes) {
        if (attributes == null) {
            return Map.of();
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            problems.add(new InvalidRecordException.Problem("attributes", "at most " + MAX_ATTRIBUTES
                    + " attributes, got " + attributes.size()));
        }
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String key = e.getKey();
            int before = problems.size();
            checkName(problems, "attributes key", key, MAX_ATTRIBUTE_KEY_LENGTH, KEY);
            if (problems.size() > before) {
                continue;
            }
            String value = e.getValue();
            String field = "attributes." + key;
            if (value == null) {
                problems.add(new InvalidRecordException.Problem(field, "missing value"));
            } else if (value.length() > MAX_ATTRIBUTE_VALUE_LENGTH) {
                problems.add(new InvalidRecordException.Problem(field, "value longer than "
                        + MAX_ATTRIBUTE_VALUE_LENGTH + " characters"));
            } else if (value.chars().anyMatch(Character::isISOControl)) {
                problems.add(new InvalidRecordException.Problem(field, "value contains control characters"));
            } else {
                copy.put(key, value);
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void checkFace(List<InvalidRecordException.Problem> problems, float[] face) {
        if (face == null) {
            return;
        }
        if (face.length == 0 || face.length > MAX_FACE_DIMENSION) {
            problems.add(new InvalidRecordException.Problem("face", "dimension must be 1.." + MAX_FACE_DIMENSION
                    + ", is " + face.length));
            return;
        }
        problems.addAll(checkEmbedding("face", face));
    }

    /** Problems of an embedding's values: non-finite components, zero length. Shared with probe validation. */
    static List<InvalidRecordException.Problem> checkEmbedding(String field, float[] vector) {
        double sum = 0;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                return List.of(new InvalidRecordException.Problem(field, "has a NaN or infinite component"));
            }
            sum += (double) v * v;
        }
        if (sum == 0 || !Double.isFinite(sum)) {
            return List.of(new InvalidRecordException.Problem(field, sum == 0 ? "is all zero (no direction)"
                    : "is too large to normalise"));
        }
        return List.of();
    }

    private static Map<FingerPosition, FingerprintTemplate> copyFingers(List<InvalidRecordException.Problem> problems,
            Map<FingerPosition, FingerprintTemplate> fingers) {
        if (fingers == null) {
            return Map.of();
        }
        if (fingers.size() > MAX_FINGERS) {
            problems.add(new InvalidRecordException.Problem("fingers", "at most " + MAX_FINGERS + " fingers, got "
                    + fingers.size()));
        }
        EnumMap<FingerPosition, FingerprintTemplate> copy = new EnumMap<>(FingerPosition.class);
        for (Map.Entry<FingerPosition, FingerprintTemplate> e : fingers.entrySet()) {
            if (e.getKey() == null) {
                problems.add(new InvalidRecordException.Problem("fingers", "a finger without a position"));
            } else if (e.getKey() == FingerPosition.UNKNOWN) {
                problems.add(new InvalidRecordException.Problem("fingers.UNKNOWN",
                        "enrolled fingers need a known position (ISO codes 1..10)"));
            } else if (e.getValue() == null) {
                problems.add(new InvalidRecordException.Problem("fingers." + e.getKey(), "missing template"));
            } else {
                copy.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Builds a {@link SubjectRecord}; validation happens in {@link #build()}. */
    public static final class Builder {
        private final String id;
        private String agency;
        private final Set<String> lists = new TreeSet<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private float[] face;
        private final Map<FingerPosition, FingerprintTemplate> fingers = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder agency(String agency) {
            this.agency = agency;
            return this;
        }

        /** Adds list memberships. */
        public Builder lists(String... lists) {
            this.lists.addAll(Arrays.asList(lists));
            return this;
        }

        public Builder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        /** The face embedding (copied when the record is built). */
        public Builder face(float[] embedding) {
            this.face = embedding;
            return this;
        }

        public Builder finger(FingerPosition position, FingerprintTemplate template) {
            fingers.put(position, template);
            return this;
        }

        /** The record. @throws InvalidRecordException listing every problem */
        public SubjectRecord build() {
            return new SubjectRecord(id, agency, lists, attributes, face, fingers);
        }
    }
}
