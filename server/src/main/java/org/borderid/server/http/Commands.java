package org.borderid.server.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintImage;
import org.borderid.server.config.Limits;
import org.borderid.server.http.RequestBodies.FingerJson;
import org.borderid.server.http.RequestBodies.IdentifyJson;
import org.borderid.server.http.RequestBodies.SubjectJson;
import org.borderid.server.http.RequestBodies.VerifyJson;
import org.borderid.server.service.Captures;
import org.borderid.server.service.DecisionPolicy;
import org.borderid.server.service.EnrollCommand;
import org.borderid.server.service.FingerCapture;
import org.borderid.server.service.IdentifyCommand;
import org.borderid.server.service.Subject;
import org.borderid.server.service.VerifyCommand;

/**
 * Builds service commands from requests, in either form — JSON with base64 images or multipart/form-data with file
 * parts — and validates them, collecting every field error into one 400.
 *
 * <p>Multipart part names: text parts {@code subjectId}, {@code targetFmr}, {@code list}, {@code maxCandidates},
 * {@code targetFpir}, {@code id}, {@code agency}, {@code lists} (comma-separated or repeated),
 * {@code referenceData.<key>}, {@code dpi} (all finger images) and {@code dpi.<POSITION>}; file parts {@code face},
 * {@code finger.<POSITION>} (image), {@code template.<POSITION>} (ISO/ANSI record), and for a reference document
 * {@code referenceFace}, {@code referenceFinger.<POSITION>}, {@code referenceTemplate.<POSITION>}.
 */
final class Commands {
    private final ApiContext api;
    private final Limits limits;
    private final DecisionPolicy policy;

    Commands(ApiContext api) {
        this.api = api;
        this.limits = api.config().limits();
        this.policy = api.config().policy();
    }

    // ---- verify ----

    VerifyCommand verify(Context ctx) {
        RequestBodies.requireMediaType(ctx, true);
        Errors errors = new Errors();
        String subjectId;
        Captures reference;
        Captures probe;
        Double target;
        if (RequestBodies.isMultipart(ctx.contentType())) {
            Parts p = new Parts(ctx, Set.of("subjectId", "targetFmr", "dpi"),
                    Set.of("face", "finger.", "template.", "referenceFace", "referenceFinger.", "referenceTemplate."),
                    Set.of("dpi."), errors);
            subjectId = p.text("subjectId");
            target = p.number("targetFmr");
            probe = p.captures("face", "finger.", "template.", true);
            reference = p.hasAny("referenceFace", "referenceFinger.", "referenceTemplate.")
                    ? p.captures("referenceFace", "referenceFinger.", "referenceTemplate.", false) : null;
        } else {
            VerifyJson j = RequestBodies.json(ctx, api.json(), VerifyJson.class);
            subjectId = j.subjectId();
            target = j.targetFmr();
            probe = captures(j.face(), "face", j.fingers(), "fingers", true, errors);
            reference = j.reference() == null ? null : captures(j.reference().face(), "reference.face",
                    j.reference().fingers(), "reference.fingers", false, errors);
        }
        if ((subjectId == null) == (reference == null)) {
            errors.add(subjectId == null ? "subjectId" : "reference", "REQUIRED", subjectId == null
                    ? "give either a claimed subjectId or a reference (passport photo / chip fingers)"
                    : "give either subjectId or reference, not both");
        }
        if (subjectId != null) {
            checkId(subjectId, "subjectId", errors);
        }
        if (probe.isEmpty()) {
            errors.add("face", "REQUIRED", "send a face and/or fingers to verify");
        }
        if (reference != null && reference.isEmpty()) {
            errors.add("reference", "REQUIRED", "the reference needs a face or fingers");
        }
        double targetFmr = target == null ? policy.verifyTargetFmr() : target;
        checkTarget(targetFmr, "targetFmr", errors);
        errors.throwIfAny();
        return new VerifyCommand(subjectId, reference, probe, targetFmr);
    }

    // ---- identify ----

    IdentifyCommand identify(Context ctx) {
        RequestBodies.requireMediaType(ctx, true);
        Errors errors = new Errors();
        Captures probe;
        String list;
        Double max;
        Double target;
        if (RequestBodies.isMultipart(ctx.contentType())) {
            Parts p = new Parts(ctx, Set.of("list", "maxCandidates", "targetFpir", "dpi"),
                    Set.of("face", "finger.", "template."), Set.of("dpi."), errors);
            list = p.text("list");
            max = p.number("maxCandidates");
            target = p.number("targetFpir");
            probe = p.captures("face", "finger.", "template.", true);
        } else {
            IdentifyJson j = RequestBodies.json(ctx, api.json(), IdentifyJson.class);
            list = j.list();
            max = j.maxCandidates() == null ? null : j.maxCandidates().doubleValue();
            target = j.targetFpir();
            probe = captures(j.face(), "face", j.fingers(), "fingers", true, errors);
        }
        if (probe.isEmpty()) {
            errors.add("face", "REQUIRED", "send a face and/or fingers to identify");
        }
        list = list == null ? policy.identifyDefaultList() : list;
        if (!DecisionPolicy.LIST_NAME.matcher(list).matches()) {
            errors.add("list", "INVALID", "a list name matches " + DecisionPolicy.LIST_NAME);
        }
        int maxCandidates = policy.identifyMaxCandidates();
        if (max != null) {
            if (max != Math.rint(max) || max < 1 || max > DecisionPolicy.MAX_CANDIDATES) {
                errors.add("maxCandidates", "OUT_OF_RANGE", "must be an integer 1.." + DecisionPolicy.MAX_CANDIDATES);
            } else {
                maxCandidates = max.intValue();
            }
        }
        double targetFpir = target == null ? policy.identifyTargetFpir() : target;
        checkTarget(targetFpir, "targetFpir", errors);
        errors.throwIfAny();
        return new IdentifyCommand(probe, list, maxCandidates, targetFpir);
    }

    // ---- enrollment ----

    /**
     * An enrollment from a POST or PUT body.
     *
     * @param pathId the id in the path (PUT), or {@code null} (POST)
     */
    EnrollCommand subject(Context ctx, String pathId) {
        RequestBodies.requireMediaType(ctx, true);
        Errors errors = new Errors();
        if (RequestBodies.isMultipart(ctx.contentType())) {
            Parts p = new Parts(ctx, Set.of("id", "agency", "lists", "dpi"), Set.of("face", "finger.", "template."),
                    Set.of("dpi.", "referenceData."), errors);
            List<String> lists = p.list("lists");
            return enrollCommand(p.text("id"), p.text("agency"), lists, p.prefixed("referenceData."),
                    p.captures("face", "finger.", "template.", false), pathId, errors);
        }
        return subject(RequestBodies.json(ctx, api.json(), SubjectJson.class), pathId, errors);
    }

    /** An enrollment from a parsed JSON document (request body or NDJSON import line). */
    EnrollCommand subject(SubjectJson j, String pathId, Errors errors) {
        Captures captures = captures(j.face(), "face", j.fingers(), "fingers", false, errors);
        return enrollCommand(j.id(), j.agency(), j.lists(), j.referenceData(), captures, pathId, errors);
    }

    private EnrollCommand enrollCommand(String id, String agency, List<String> lists, Map<String, String> refData,
            Captures captures, String pathId, Errors errors) {
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) {
                errors.add("id", "MISMATCH", "the body's id differs from the path's");
            }
            id = pathId;
        }
        if (id == null) {
            errors.add("id", "REQUIRED", "the subject id is required");
        } else {
            checkId(id, "id", errors);
        }
        if (agency == null) {
            errors.add("agency", "REQUIRED", "the owning agency is required");
        } else if (!Subject.AGENCY.matcher(agency).matches()) {
            errors.add("agency", "INVALID", "agencies are 1..64 letters, digits and . _ : - (starting with a letter "
                    + "or digit)");
        }
        lists = lists == null ? List.of(policy.identifyDefaultList()) : lists;
        if (lists.isEmpty() || lists.size() > Subject.MAX_LISTS) {
            errors.add("lists", "OUT_OF_RANGE", "1.." + Subject.MAX_LISTS + " lists");
        }
        for (int i = 0; i < lists.size(); i++) {
            if (lists.get(i) == null || !DecisionPolicy.LIST_NAME.matcher(lists.get(i)).matches()) {
                errors.add("lists[" + i + "]", "INVALID", "a list name matches " + DecisionPolicy.LIST_NAME);
            }
        }
        if (new HashSet<>(lists).size() != lists.size()) {
            errors.add("lists", "DUPLICATE", "a list is named twice");
        }
        refData = refData == null ? Map.of() : refData;
        if (refData.size() > Subject.MAX_REFERENCE_ENTRIES) {
            errors.add("referenceData", "OUT_OF_RANGE", "at most " + Subject.MAX_REFERENCE_ENTRIES + " entries");
        }
        refData.forEach((k, v) -> {
            if (!Subject.REFERENCE_KEY.matcher(k).matches()) {
                errors.add("referenceData." + k, "INVALID", "keys match " + Subject.REFERENCE_KEY);
            } else if (v == null || v.length() > Subject.MAX_REFERENCE_VALUE) {
                errors.add("referenceData." + k, "INVALID", "a text of at most " + Subject.MAX_REFERENCE_VALUE
                        + " characters");
            }
        });
        if (captures.isEmpty()) {
            errors.add("face", "REQUIRED", "a subject needs a face or at least one finger");
        }
        errors.throwIfAny();
        return new EnrollCommand(id, agency, lists, refData, captures);
    }

    // ---- shared ----

    private Captures captures(String face, String faceField, List<FingerJson> fingers, String fingersField,
            boolean unknownPositionAllowed, Errors errors) {
        byte[] faceBytes = face == null ? null : base64(face, faceField, errors);
        List<FingerCapture> out = new ArrayList<>();
        List<FingerJson> list = fingers == null ? List.of() : fingers;
        if (list.size() > limits.maxFingers()) {
            errors.add(fingersField, "OUT_OF_RANGE", "at most " + limits.maxFingers() + " fingers");
            return new Captures(faceField, faceBytes, List.of());
        }
        Set<FingerPosition> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            FingerJson f = list.get(i);
            String field = fingersField + "[" + i + "]";
            if (f == null) {
                errors.add(field, "REQUIRED", "a finger object is required");
                continue;
            }
            FingerPosition position = f.position() == null ? FingerPosition.UNKNOWN : f.position();
            if (position == FingerPosition.UNKNOWN && !unknownPositionAllowed && f.template() == null) {
                errors.add(field + ".position", "REQUIRED", "reference fingers need their position");
            }
            if (position != FingerPosition.UNKNOWN && !seen.add(position)) {
                errors.add(field + ".position", "DUPLICATE", position + " is given more than once");
            }
            if ((f.image() == null) == (f.template() == null)) {
                errors.add(field, "REQUIRED", "give exactly one of 'image' and 'template'");
                continue;
            }
            if (f.template() != null && f.dpi() != null) {
                errors.add(field + ".dpi", "INVALID", "dpi belongs to images; a record carries its resolution");
            }
            double dpi = f.dpi() == null ? FingerprintImage.DEFAULT_DPI : f.dpi();
            checkDpi(dpi, field + ".dpi", errors);
            byte[] image = f.image() == null ? null : base64(f.image(), field + ".image", errors);
            byte[] record = f.template() == null ? null : base64(f.template(), field + ".template", errors);
            if (image != null || record != null) {
                out.add(new FingerCapture(field, position, image, dpi, record));
            }
        }
        return new Captures(faceField, faceBytes, out);
    }

    private static byte[] base64(String value, String field, Errors errors) {
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            if (bytes.length == 0) {
                errors.add(field, "EMPTY", "no data");
                return null;
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            errors.add(field, "INVALID_BASE64", "not valid base64 (RFC 4648 §4, with padding)");
            return null;
        }
    }

    private static void checkId(String id, String field, Errors errors) {
        if (!Subject.ID.matcher(id).matches()) {
            errors.add(field, "INVALID", "ids are 1..128 letters, digits and . _ : - (starting with a letter or "
                    + "digit)");
        }
    }

    private static void checkTarget(double target, String field, Errors errors) {
        if (!DecisionPolicy.validTarget(target)) {
            errors.add(field, "OUT_OF_RANGE", "must be in " + DecisionPolicy.MIN_TARGET + ".."
                    + DecisionPolicy.MAX_TARGET);
        }
    }

    private static void checkDpi(double dpi, String field, Errors errors) {
        if (!(dpi >= FingerprintImage.MIN_DPI && dpi <= FingerprintImage.MAX_DPI)) {
            errors.add(field, "OUT_OF_RANGE", "must be " + (int) FingerprintImage.MIN_DPI + ".."
                    + (int) FingerprintImage.MAX_DPI);
        }
    }

    /** Field errors of one request, thrown together. */
    static final class Errors {
        private final List<Problem.FieldError> list = new ArrayList<>();

        void add(String field, String reason, String message) {
            list.add(new Problem.FieldError(field, reason, message));
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new ApiException(ProblemType.INVALID_REQUEST, list.size() == 1
                        ? "The request has an invalid field." : "The request has " + list.size()
                        + " invalid fields.", list);
            }
        }
    }

    /** The parts of a multipart/form-data request, checked against the names a route accepts. */
    private final class Parts {
        private final Map<String, List<String>> texts;
        private final Map<String, List<UploadedFile>> files;
        private final Errors errors;

        Parts(Context ctx, Set<String> textNames, Set<String> fileNames, Set<String> textPrefixes, Errors errors) {
            this.errors = errors;
            try {
                this.files = ctx.uploadedFileMap();
                // Javalin lists file parts among the form parameters too: keep the text parts only.
                Map<String, List<String>> t = new LinkedHashMap<>(ctx.formParamMap());
                t.keySet().removeAll(files.keySet());
                this.texts = t;
            } catch (RuntimeException e) {
                throw multipartError(e);
            }
            for (String name : texts.keySet()) {
                if (!textNames.contains(name) && textPrefixes.stream().noneMatch(name::startsWith)) {
                    boolean isFileName = fileNames.stream().anyMatch(n -> n.endsWith(".") ? name.startsWith(n)
                            : n.equals(name));
                    errors.add(name, isFileName ? "WRONG_TYPE" : "UNKNOWN_FIELD", isFileName
                            ? "expected a file part (curl -F 'name=@file')" : "unknown part; expected " + textNames
                            + " or files " + fileNames);
                }
            }
            for (String name : files.keySet()) {
                boolean known = fileNames.stream().anyMatch(n -> n.endsWith(".") ? name.startsWith(n) : n.equals(name));
                if (!known) {
                    errors.add(name, textNames.contains(name) ? "WRONG_TYPE" : "UNKNOWN_FIELD",
                            textNames.contains(name) ? "expected a text part" : "unknown file part; expected "
                                    + fileNames);
                }
                if (files.get(name).size() > 1) {
                    errors.add(name, "REPEATED", "give each file part once");
                }
            }
        }

        String text(String name) {
            List<String> v = texts.get(name);
            if (v == null || v.isEmpty()) {
                return null;
            }
            if (v.size() > 1) {
                errors.add(name, "REPEATED", "give '" + name + "' once");
            }
            return v.get(0);
        }

        Double number(String name) {
            String v = text(name);
            if (v == null) {
                return null;
            }
            try {
                double d = Double.parseDouble(v.trim());
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                errors.add(name, "WRONG_TYPE", "expected a number");
                return null;
            }
        }

        List<String> list(String name) {
            List<String> v = texts.get(name);
            if (v == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (String s : v) {
                Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(out::add);
            }
            return out;
        }

        Map<String, String> prefixed(String prefix) {
            Map<String, String> out = new LinkedHashMap<>();
            texts.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    out.put(k.substring(prefix.length()), v.isEmpty() ? "" : v.get(0));
                }
            });
            return out;
        }

        boolean hasAny(String face, String fingerPrefix, String templatePrefix) {
            return files.keySet().stream().anyMatch(n -> n.equals(face) || n.startsWith(fingerPrefix)
                    || n.startsWith(templatePrefix));
        }

        Captures captures(String face, String fingerPrefix, String templatePrefix, boolean unknownAllowed) {
            byte[] faceBytes = files.containsKey(face) ? bytes(face) : null;
            List<FingerCapture> fingers = new ArrayList<>();
            Double defaultDpi = number("dpi");
            for (String name : files.keySet()) {
                boolean image = name.startsWith(fingerPrefix);
                if (!image && !name.startsWith(templatePrefix)) {
                    continue;
                }
                String pos = name.substring((image ? fingerPrefix : templatePrefix).length());
                FingerPosition position;
                try {
                    position = FingerPosition.valueOf(pos.toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    errors.add(name, "INVALID", "unknown finger position '" + pos + "'; expected one of "
                            + Arrays.toString(FingerPosition.values()));
                    continue;
                }
                if (position == FingerPosition.UNKNOWN && !unknownAllowed && image) {
                    errors.add(name, "REQUIRED", "reference fingers need their position");
                }
                if (fingers.stream().anyMatch(f -> f.position() == position && position != FingerPosition.UNKNOWN)) {
                    errors.add(name, "DUPLICATE", position + " is given more than once");
                    continue;
                }
                Double dpi = number("dpi." + pos);
                double effective = dpi != null ? dpi : defaultDpi != null ? defaultDpi : FingerprintImage.DEFAULT_DPI;
                if (image) {
                    checkDpi(effective, dpi != null ? "dpi." + pos : "dpi", errors);
                }
                byte[] bytes = bytes(name);
                if (bytes != null) {
                    fingers.add(new FingerCapture(name, position, image ? bytes : null, effective,
                            image ? null : bytes));
                }
            }
            if (fingers.size() > limits.maxFingers()) {
                errors.add(fingerPrefix, "OUT_OF_RANGE", "at most " + limits.maxFingers() + " fingers");
            }
            return new Captures(face, faceBytes, fingers);
        }

        private byte[] bytes(String name) {
            UploadedFile f = files.get(name).get(0);
            try (InputStream in = f.content()) {
                byte[] b = in.readAllBytes();
                if (b.length == 0) {
                    errors.add(name, "EMPTY", "the file part is empty");
                    return null;
                }
                return b;
            } catch (IOException e) {
                throw multipartError(e);
            }
        }
    }

    private static ApiException multipartError(Exception e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            m += " " + String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
        }
        if (m.contains("exceed") || m.contains("too large") || m.contains("max")) {
            return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "The multipart body exceeds the size limit.");
        }
        return new ApiException(ProblemType.INVALID_REQUEST, "The multipart/form-data body cannot be parsed.");
    }
}
