package org.borderid.image.engine.wsq;

import org.borderid.image.ImageFormatException;

/**
 * The marker-segment layer of a WSQ file: SOI, the table segments (DTT, DQT, DHT, DRT, COM) and the frame header
 * (SOF), then block headers (SOB) between the entropy-coded blocks, up to EOI. Holds the tables currently defined.
 *
 * <p>Tables may precede or follow the frame header. Between blocks only Huffman tables, comments and restart
 * intervals may appear: a transform or quantization table that changes after coefficient data began is refused as
 * {@code CORRUPT} (the NIST reference decoder would silently apply the last one to all blocks).
 */
public final class WsqStream {
    private final WsqByteReader in;
    private final WsqHuffmanTable[] huffman = new WsqHuffmanTable[WsqHuffmanTable.MAX_TABLES];
    private WsqTransformTable transform;
    private WsqQuantizationTable quantization;
    private WsqFrameHeader frame;
    private boolean blocksStarted;

    private WsqStream(byte[] data) {
        this.in = new WsqByteReader(data);
    }

    /**
     * Reads SOI and every segment up to and including the frame header.
     *
     * @throws ImageFormatException {@code CORRUPT} for a missing SOI, a malformed or truncated segment, or an
     *                              unexpected marker; {@code UNSUPPORTED_FORMAT} for filters this decoder lacks
     */
    public static WsqStream open(byte[] data) {
        WsqStream stream = new WsqStream(data);
        int soi = stream.in.marker();
        if (soi != WsqMarkers.SOI) {
            throw WsqByteReader.corrupt("WSQ data does not start with SOI");
        }
        int marker = stream.in.marker();
        while (marker != WsqMarkers.SOF) {
            stream.readTableSegment(marker);
            marker = stream.in.marker();
        }
        stream.frame = WsqFrameHeader.read(stream.in);
        return stream;
    }

    public WsqFrameHeader frame() {
        return frame;
    }

    /** The transform table; {@code CORRUPT} if the file defined none. */
    public WsqTransformTable transform() {
        if (transform == null) {
            throw WsqByteReader.corrupt("WSQ data has no transform table (DTT)");
        }
        return transform;
    }

    /** The quantization table; {@code CORRUPT} if the file defined none. */
    public WsqQuantizationTable quantization() {
        if (quantization == null) {
            throw WsqByteReader.corrupt("WSQ data has no quantization table (DQT)");
        }
        return quantization;
    }

    WsqByteReader bytes() {
        return in;
    }

    /** Reads the next marker (at a segment boundary). */
    int nextMarker() {
        return in.marker();
    }

    /**
     * Reads table segments until a block header or the end of the image.
     *
     * @param marker the marker just read
     * @return {@link WsqMarkers#SOB} (its segment not yet read) or {@link WsqMarkers#EOI}
     */
    int skipToBlockOrEnd(int marker) {
        while (marker != WsqMarkers.SOB && marker != WsqMarkers.EOI) {
            readTableSegment(marker);
            marker = in.marker();
        }
        return marker;
    }

    /** Reads a block header (SOB segment, marker consumed) and returns the Huffman table it selects. */
    WsqHuffmanTable readBlockHeader() {
        int payload = in.segmentPayload(WsqMarkers.SOB);
        if (payload != 1) {
            throw WsqByteReader.corrupt("WSQ block header has length " + (payload + 2) + ", expected 3");
        }
        int id = in.u8();
        WsqHuffmanTable table = id < huffman.length ? huffman[id] : null;
        if (table == null) {
            throw WsqByteReader.corrupt("WSQ block uses Huffman table " + id + ", which is not defined");
        }
        blocksStarted = true;
        return table;
    }

    private void readTableSegment(int marker) {
        switch (marker) {
            case WsqMarkers.DTT -> {
                refuseAfterBlocks(marker);
                transform = WsqTransformTable.read(in);
            }
            case WsqMarkers.DQT -> {
                refuseAfterBlocks(marker);
                quantization = WsqQuantizationTable.read(in);
            }
            case WsqMarkers.DHT -> WsqHuffmanTable.read(in, huffman);
            // The restart interval needs no bookkeeping: restart markers only re-align the bit stream to a byte.
            case WsqMarkers.COM, WsqMarkers.DRT -> in.skip(in.segmentPayload(marker));
            default -> throw WsqByteReader.corrupt("unexpected WSQ marker " + WsqMarkers.name(marker) + " at byte "
                    + (in.position() - 2));
        }
    }

    private void refuseAfterBlocks(int marker) {
        if (blocksStarted) {
            throw WsqByteReader.corrupt("WSQ " + WsqMarkers.name(marker) + " table redefined after the coefficient"
                    + " data began");
        }
    }
}
