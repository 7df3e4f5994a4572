package org.borderid.gallery.engine;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * Feeds one finger's minutiae index terms to Lucene: the terms of cylinder c at position c, so that a search can tell
 * which of the finger's cylinders a term came from. Excluded hashes ({@link CylinderHashes#EXCLUDED}) are skipped.
 */
final class CylinderTermStream extends TokenStream {
    private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final int[][] hashes;
    private int cylinder;
    private int function;
    private int lastPosition;

    CylinderTermStream(int[][] hashes) {
        this.hashes = hashes;
    }

    @Override
    public void reset() {
        cylinder = 0;
        function = 0;
        lastPosition = -1;
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
                    increment.setPositionIncrement(cylinder - lastPosition);
                    lastPosition = cylinder;
                    return true;
                }
            }
            cylinder++;
            function = 0;
        }
        return false;
    }
}
