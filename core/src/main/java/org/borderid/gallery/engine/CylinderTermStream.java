package org.borderid.gallery.engine;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * Feeds one finger's minutiae index terms to Lucene, cylinder after cylinder. Excluded hashes
 * ({@link CylinderHashes#EXCLUDED}) are skipped. The field keeps documents only, so a term two cylinders share is one
 * posting.
 */
final class CylinderTermStream extends TokenStream {
    private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
    private final int[][] hashes;
    private int cylinder;
    private int function;

    CylinderTermStream(int[][] hashes) {
        this.hashes = hashes;
    }

    @Override
    public void reset() {
        cylinder = 0;
        function = 0;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (cylinder < hashes.length) {
            int[] row = hashes[cylinder];
            while (function < row.length) {
                int f = function++;
                if (row[f] != CylinderHashes.EXCLUDED) {
                    term.setBytesRef(new BytesRef(CylinderHashes.term(f, row[f])));
                    return true;
                }
            }
            cylinder++;
            function = 0;
        }
        return false;
    }
}
