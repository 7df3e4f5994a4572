package org.borderid.gallery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.finger.Minutia;
import org.borderid.finger.MinutiaType;
import org.borderid.gallery.SubjectFilter;
import org.borderid.gallery.SubjectRecord;
import org.junit.jupiter.api.Test;

/**
 * The minutiae index's candidate scoring on hand-made term sets: the stop rule, the IDF weight and statistics that do
 * not depend on how the index is split into segments.
 */
class MinutiaeIndexSearchTest {
    private static final FingerPosition POSITION = FingerPosition.RIGHT_INDEX;
    /** A hash value every gallery finger holds on function 0: far above the stop threshold. */
    private static final int COMMON = 7;
    /** A value 90 fingers hold on function 1, below the 100-finger floor of the stop rule. */
    private static final int SHARED = 9;

    @Test
    void termsHeldByMostFingersAreSkippedAndRareSharedTermsOutweighCommonOnes() throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            int fingers = 300;
            index(directory, fingers, fingers);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // The probe holds the common value, the shared value and two unique values of finger 200.
                int[][] probe = {row(COMMON, SHARED, uniqueValue(200, 0)), row(-1, -1, uniqueValue(200, 1))};
                MinutiaeIndexSearch.Result result = search(searcher, probe, 10);
                assertThat(result.termsSkipped()).as("the term every finger holds is a stop term").isEqualTo(1);
                assertThat(result.postingsVisited()).as("shared term (90) + finger 200's two terms, not the common")
                        .isEqualTo(90 + 2);
                assertThat(result.inScope()).isEqualTo(fingers);
                assertThat(result.hits().get(0).doc()).as("two rare terms outweigh one held by 90 fingers")
                        .isEqualTo(docOf(searcher, "F-200"));
                assertThat(result.hits()).hasSize(10);
            }
        }
    }

    @Test
    void scoresDoNotDependOnHowTheIndexIsSplitIntoSegments() throws IOException {
        int[][] probe = {row(COMMON, SHARED, uniqueValue(17, 0)), row(-1, -1, uniqueValue(42, 1))};
        List<Float> single;
        List<Float> split;
        try (Directory directory = new ByteBuffersDirectory()) {
            index(directory, 300, 300);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(1);
                single = search(new IndexSearcher(reader), probe, 50).hits().stream()
                        .map(MinutiaeIndexSearch.Hit::score).toList();
            }
        }
        try (Directory directory = new ByteBuffersDirectory()) {
            index(directory, 300, 70); // commits every 70 fingers: five segments
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                split = search(new IndexSearcher(reader), probe, 50).hits().stream()
                        .map(MinutiaeIndexSearch.Hit::score).toList();
            }
        }
        assertThat(split).as("document frequencies are the whole index's, not a segment's").isEqualTo(single);
    }

    @Test
    void probeTermsAreDeduplicatedAndSorted() {
        int[][] probe = {row(COMMON, SHARED, 5), row(COMMON, 3, 5)};
        var terms = MinutiaeIndexSearch.distinctTerms(probe);
        assertThat(terms).as("(0,7), (1,3), (1,9), (2,5)").hasSize(4);
        for (int i = 1; i < terms.length; i++) {
            assertThat(terms[i - 1].compareTo(terms[i])).isNegative();
        }
    }

    private static MinutiaeIndexSearch.Result search(IndexSearcher searcher, int[][] probe, int limit)
            throws IOException {
        return MinutiaeIndexSearch.search(searcher, probe, FingerSearch.fields(POSITION),
                FingerSearch.scope(POSITION, SubjectFilter.ALL), limit);
    }

    /**
     * Indexes {@code count} fingers F-0.. : two cylinders each; function 0 holds {@link #COMMON} for all, function 1
     * holds {@link #SHARED} for fingers 0..89, function 2 holds two values unique to the finger.
     */
    private static void index(Directory directory, int count, int commitEvery) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < count; i++) {
                SubjectRecord record = SubjectRecord.builder("F-" + i).agency("a").lists("l")
                        .finger(POSITION, template(i)).build();
                int[][] hashes = {row(COMMON, i < 90 ? SHARED : 1000 + i, uniqueValue(i, 0)),
                        row(-1, -1, uniqueValue(i, 1))};
                writer.addDocuments(SubjectDocuments.block(record, new byte[] {1}, Map.of(POSITION, hashes)));
                if ((i + 1) % commitEvery == 0) {
                    writer.commit();
                }
            }
        }
    }

    private static int uniqueValue(int finger, int which) {
        return 20_000 + finger * 2 + which;
    }

    /** A cylinder's hashes: functions 0..2 as given (−1 = excluded), the rest excluded. */
    private static int[] row(int f0, int f1, int f2) {
        int[] row = new int[CylinderHashes.FUNCTIONS];
        java.util.Arrays.fill(row, CylinderHashes.EXCLUDED);
        row[0] = f0;
        row[1] = f1;
        row[2] = f2;
        return row;
    }

    private static int docOf(IndexSearcher searcher, String id) throws IOException {
        var hits = searcher.search(new org.apache.lucene.search.BooleanQuery.Builder()
                .add(new org.apache.lucene.search.TermQuery(SubjectDocuments.idTerm(id)),
                        org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(SubjectDocuments.KIND,
                        SubjectDocuments.FINGER)), org.apache.lucene.search.BooleanClause.Occur.FILTER).build(), 1);
        return hits.scoreDocs[0].doc;
    }

    private static FingerprintTemplate template(long seed) {
        Random random = new Random(seed);
        List<Minutia> minutiae = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            minutiae.add(Minutia.ofAngleSteps(30 + random.nextInt(240), 30 + random.nextInt(340), random.nextInt(256),
                    MinutiaType.ENDING, 80));
        }
        return FingerprintTemplate.of(300, 400, minutiae, 80);
    }
}
