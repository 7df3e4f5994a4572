package org.borderid.bench.eval.finger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.borderid.bench.accuracy.ThresholdCalibration;

/**
 * The harness's machine-readable output (rates as fractions, undefined figures as {@code null}):
 * <pre>
 * {"databases": [{"name": "fvc2002/DB1_B", …, "borderid": {"eer": 0.012, "fnmr_at_fmr_1e-2": …, …}, "sourceafis": {…}}],
 *  "mean": {"borderid": {…}, "sourceafis": {…}}, "calibration": {…}, "method": {…}, "run": {…}}
 * </pre>
 * The docs commit this file ({@code docs/accuracy/fingerprints.json}) and the regression test reads its {@link #EER}
 * values, so docs and test cannot drift.
 */
public final class ReportJson {
    public static final String DATABASES = "databases";
    public static final String NAME = "name";
    public static final String MEAN = "mean";
    public static final String AVAILABLE = "available";
    public static final String EER = "eer";
    public static final String FNMR_AT_FMR_1E2 = "fnmr_at_fmr_1e-2";
    public static final String FNMR_AT_MIN_FMR = "fnmr_at_min_fmr";
    public static final String ZERO_FMR = "zero_fmr";
    public static final String FTE = "fte";
    public static final String EXTRACT_MS_MEDIAN = "extract_ms_median";
    public static final String COMPARISONS_PER_S = "comparisons_per_s";
    public static final String EXTRACT_CPU_MS_MEDIAN = "extract_cpu_ms_median";
    public static final String COMPARISONS_PER_CPU_S = "comparisons_per_cpu_s";

    /** Decimal places of rates: 1e-6 resolves far below 1/2880 and keeps the file readable. */
    private static final int RATE_DECIMALS = 6;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    /** The report as pretty-printed JSON. */
    public static String write(FingerprintReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode databases = root.putArray(DATABASES);
        for (DatabaseResult db : report.databases()) {
            ObjectNode node = databases.addObject();
            node.put(NAME, db.name());
            node.put("dpi", db.dpi());
            node.put("images", db.images());
            node.put("genuine_pairs", db.genuinePairs());
            node.put("impostor_pairs", db.impostorPairs());
            putRate(node, "min_fmr", db.minFmr(), 9);
            node.put("decode_failures", db.decodeFailures());
            for (SystemResult result : db.systems()) {
                node.set(result.system(), system(result));
            }
        }
        ObjectNode mean = root.putObject(MEAN);
        for (String system : report.systems()) {
            Optional<FingerprintFigures> figures = report.mean(system);
            ObjectNode node = mean.putObject(system);
            node.put(AVAILABLE, figures.isPresent());
            if (figures.isEmpty()) {
                node.put("reason", "unavailable on at least one database");
            }
            figures(node, figures.orElse(null));
        }
        if (!report.calibrations().isEmpty()) {
            root.set("calibration", calibrations(report.calibrations()));
        }
        ObjectNode method = root.putObject("method");
        method.put("pairs", "FVC: every unordered pair once, lower index as probe; genuine = same finger, "
                + "impostor = different fingers; a pair with a failed extraction is a non-match at every threshold");
        method.put(EER, "linear interpolation between the two threshold-sweep points around FMR = FNMR "
                + "(inside FVC's [EERlow, EERhigh], also given as eer_fvc_interval)");
        method.put("fnmr_at_fmr", "FNMR at the lowest threshold whose empirical FMR is <= the target; "
                + "fnmr_at_min_fmr uses target 1/impostor_pairs, zero_fmr target 0");
        method.put("timing", "single thread, after the parallel pass over the same database (JIT warm): median of "
                + SpeedMeter.TIMED_EXTRACTIONS + " evenly spaced extractions; comparisons with probes "
                + "prepared beforehand, repeated passes over all pairs for >= "
                + SpeedMeter.COMPARISON_TIMING_NANOS / 1_000_000 + " ms; by wall clock, and by the thread's "
                + "CPU time in the *_cpu_* figures (not inflated by other load on the machine)");
        root.set("run", MAPPER.valueToTree(report.run()));
        return toJson(root);
    }

    /** Calibrations alone, keyed by system (the {@code --calibrate FILE} output). */
    public static String writeCalibration(FingerprintReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("calibration", calibrations(report.calibrations()));
        root.set("run", MAPPER.valueToTree(report.run()));
        return toJson(root);
    }

    private static ObjectNode system(SystemResult result) {
        ObjectNode node = MAPPER.createObjectNode();
        switch (result) {
            case SystemResult.Measured m -> {
                node.put(AVAILABLE, true);
                figures(node, m.figures());
                double[] interval = m.rates().fvcEerInterval();
                ArrayNode fvc = node.putArray("eer_fvc_interval");
                fvc.add(number(interval[0], RATE_DECIMALS));
                fvc.add(number(interval[1], RATE_DECIMALS));
                node.put("failed_extractions", m.failedExtractions());
                node.put("extraction_errors", m.extractionErrors());
                node.put("comparison_errors", m.comparisonErrors());
            }
            case SystemResult.Unavailable u -> {
                node.put(AVAILABLE, false);
                node.put("reason", u.reason());
                figures(node, null);
            }
        }
        return node;
    }

    private static void figures(ObjectNode node, FingerprintFigures f) {
        putRate(node, EER, f == null ? Double.NaN : f.eer(), RATE_DECIMALS);
        putRate(node, FNMR_AT_FMR_1E2, f == null ? Double.NaN : f.fnmrAtFmr1e2(), RATE_DECIMALS);
        putRate(node, FNMR_AT_MIN_FMR, f == null ? Double.NaN : f.fnmrAtMinFmr(), RATE_DECIMALS);
        putRate(node, ZERO_FMR, f == null ? Double.NaN : f.zeroFmr(), RATE_DECIMALS);
        putRate(node, FTE, f == null ? Double.NaN : f.fte(), RATE_DECIMALS);
        putRate(node, EXTRACT_MS_MEDIAN, f == null ? Double.NaN : f.extractMsMedian(), 3);
        putRate(node, COMPARISONS_PER_S, f == null ? Double.NaN : f.comparisonsPerSecond(), 0);
        putRate(node, EXTRACT_CPU_MS_MEDIAN, f == null ? Double.NaN : f.extractCpuMsMedian(), 3);
        putRate(node, COMPARISONS_PER_CPU_S, f == null ? Double.NaN : f.comparisonsPerCpuSecond(), 0);
    }

    private static ObjectNode calibrations(List<Calibration> calibrations) {
        ObjectNode all = MAPPER.createObjectNode();
        for (Calibration c : calibrations) {
            ObjectNode node = all.putObject(c.system());
            ArrayNode dbs = node.putArray("databases");
            c.databases().forEach(dbs::add);
            node.put("within_database_pairs", c.withinDatabasePairs());
            node.put("cross_database_pairs", c.crossDatabasePairs());
            node.put("impostor_pairs", c.impostorPairs());
            ArrayNode thresholds = node.putArray("thresholds");
            for (ThresholdCalibration.Threshold t : c.thresholds()) {
                ObjectNode tn = thresholds.addObject();
                tn.put("fmr", t.targetFmr());
                putRate(tn, "threshold", t.threshold(), 9);
                tn.put("accepted_impostors", t.acceptedImpostors());
                putRate(tn, "empirical_fmr", t.empiricalFmr(), 9);
                tn.put("resolvable", t.resolvable());
            }
        }
        return all;
    }

    private static void putRate(ObjectNode node, String key, double value, int decimals) {
        BigDecimal number = number(value, decimals);
        if (number == null) {
            node.putNull(key);
        } else {
            node.put(key, number);
        }
    }

    private static BigDecimal number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return null;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    private static String toJson(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the report", e);
        }
    }
}
