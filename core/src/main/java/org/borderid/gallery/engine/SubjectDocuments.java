package org.borderid.gallery.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.borderid.finger.FingerPosition;
import org.borderid.finger.FingerprintTemplate;
import org.borderid.gallery.SubjectRecord;

/**
 * The Lucene documents of one subject: a block of one document per finger followed by the subject's document, written
 * and replaced together ({@code IndexWriter.updateDocuments} on the id term), so a reader never sees half a subject.
 *
 * <p>Every document carries the subject's id (indexed for updates, doc values for mapping hits to subjects and for
 * ordered listing), agency and lists (the filters). The subject document adds the stored record and the face vector;
 * a finger document adds its position, its minutiae index terms and its template bytes (doc values, read when the
 * finger is re-scored).
 */
public final class SubjectDocuments {
    /** Subject id: indexed keyword and sorted doc values, on every document of the block. */
    public static final String ID = "id";
    /** Document kind: {@link #SUBJECT} or {@link #FINGER}. */
    public static final String KIND = "kind";
    public static final String SUBJECT = "s";
    public static final String FINGER = "f";
    /** Owning agency, keyword. */
    public static final String AGENCY = "agency";
    /** List memberships, keyword, multi-valued. */
    public static final String LIST = "list";
    /** The stored record ({@link RecordCodec}), subject document. */
    public static final String RECORD = "record";
    /** The unit-length face embedding, subject document. */
    public static final String FACE = "face";
    /** ISO finger position code, keyword, finger document. */
    public static final String POSITION = "pos";
    /**
     * Prefix of the minutiae index fields ({@link CylinderHashes} terms, documents only: no frequencies or positions),
     * one field per finger position ({@link #minutiaeField}), finger document.
     */
    public static final String MINUTIAE = "mcc.";
    /** The finger template in the fingerprint template format, binary doc values, finger document. */
    public static final String TEMPLATE = "tpl";

    /** Face vectors are unit length, so the dot product is the cosine. */
    public static final VectorSimilarityFunction FACE_SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private static final FieldType MINUTIAE_TYPE = new FieldType();

    static {
        MINUTIAE_TYPE.setTokenized(true);
        MINUTIAE_TYPE.setOmitNorms(true);
        MINUTIAE_TYPE.setIndexOptions(IndexOptions.DOCS);
        MINUTIAE_TYPE.freeze();
    }

    private SubjectDocuments() {}

    /** The term that identifies every document of a subject's block. */
    public static Term idTerm(String id) {
        return new Term(ID, id);
    }

    /** The position code as indexed. */
    public static String positionValue(FingerPosition position) {
        return Integer.toString(position.code());
    }

    /**
     * The minutiae index field of a finger position: one field per position, so a probe's term statistics and postings
     * cover the fingers it can be compared with, not the other nine positions of every subject.
     */
    public static String minutiaeField(FingerPosition position) {
        return MINUTIAE + position.code();
    }

    /**
     * The block for a record.
     *
     * @param record      the validated record
     * @param recordBytes its stored form
     * @param hashes      the minutiae index terms of each finger, in the record's finger order
     */
    public static List<Document> block(SubjectRecord record, byte[] recordBytes, Map<FingerPosition, int[][]> hashes) {
        List<Document> block = new ArrayList<>(record.fingers().size() + 1);
        for (Map.Entry<FingerPosition, FingerprintTemplate> finger : record.fingers().entrySet()) {
            Document doc = common(record, FINGER);
            doc.add(new StringField(POSITION, positionValue(finger.getKey()), Field.Store.NO));
            int[][] fingerHashes = hashes.get(finger.getKey());
            doc.add(new Field(minutiaeField(finger.getKey()), new CylinderTermStream(fingerHashes), MINUTIAE_TYPE));
            doc.add(new NumericDocValuesField(MinutiaeIndexSearch.CYLINDERS, indexedCylinders(fingerHashes)));
            doc.add(new BinaryDocValuesField(TEMPLATE, new BytesRef(finger.getValue().toByteArray())));
            block.add(doc);
        }
        Document subject = common(record, SUBJECT);
        subject.add(new StoredField(RECORD, recordBytes));
        float[] face = record.face();
        if (face != null) {
            subject.add(new KnnFloatVectorField(FACE, unit(face), FACE_SIMILARITY));
        }
        block.add(subject);
        return block;
    }

    /** Cylinders with at least one term. */
    private static int indexedCylinders(int[][] hashes) {
        int n = 0;
        for (int[] row : hashes) {
            for (int h : row) {
                if (h != CylinderHashes.EXCLUDED) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** The vector scaled to unit length (the caller has checked it is finite and not zero). */
    public static float[] unit(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        double inverse = 1 / Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (float) (vector[i] * inverse);
        }
        return unit;
    }

    private static Document common(SubjectRecord record, String kind) {
        Document doc = new Document();
        doc.add(new StringField(ID, record.id(), Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(record.id())));
        doc.add(new StringField(KIND, kind, Field.Store.NO));
        doc.add(new StringField(AGENCY, record.agency(), Field.Store.NO));
        for (String list : record.lists()) {
            doc.add(new StringField(LIST, list, Field.Store.NO));
        }
        return doc;
    }
}
