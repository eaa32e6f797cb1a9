package cn.zhenggai.outline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Refuses PDFs whose streams inflate without bound (decompression bombs) before PDFBox decodes them: PDFBox 3 decodes
 * a stream's filters into memory in one piece, so a 2 MB FlateDecode stream of zeros would take 2 GB of heap.
 *
 * <p>Two passes, both counting decoded bytes into nothing and stopping at the first limit passed:
 * <ol>
 *   <li>{@link #scanRaw(byte[])}, before PDFBox loads the file: every {@code stream} keyword whose data starts with a
 *       zlib header is inflated with {@link Inflater} — this covers the cross-reference and object streams PDFBox
 *       decodes while loading;</li>
 *   <li>{@link #scanDocument(COSDocument)}, once loaded: every stream whose filters can expand without bound
 *       (Flate, LZW, RunLength, alone or chained after ASCII filters) is decoded through PDFBox's own filters into a
 *       counting sink — this covers chains the raw pass cannot see and streams of an encrypted file.</li>
 * </ol>
 * Text streams (pages, forms, fonts) may decode to {@link #MAX_STREAM_BYTES} each and {@link #MAX_TOTAL_BYTES} in
 * all; an image stream to what its width × height × 4 bytes needs (at most {@link #MAX_IMAGE_BYTES}).
 */
final class PdfStreamLimits {

    /** Most bytes one non-image stream (content, form, font, object stream) may decode to. */
    static final long MAX_STREAM_BYTES = 32L * 1024 * 1024;
    /** Most bytes all non-image streams may decode to together. */
    static final long MAX_TOTAL_BYTES = 128L * 1024 * 1024;
    /** Most bytes one image stream may decode to, whatever its declared size. */
    static final long MAX_IMAGE_BYTES = 256L * 1024 * 1024;
    /** Most bytes all image streams may decode to together. */
    static final long MAX_TOTAL_IMAGE_BYTES = 512L * 1024 * 1024;

    private static final Set<COSName> EXPANDING = Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
            COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE,
            COSName.RUN_LENGTH_DECODE_ABBREVIATION);
    private static final Set<COSName> DECODABLE = Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
            COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE,
            COSName.RUN_LENGTH_DECODE_ABBREVIATION, COSName.ASCII85_DECODE, COSName.ASCII85_DECODE_ABBREVIATION,
            COSName.ASCII_HEX_DECODE, COSName.ASCII_HEX_DECODE_ABBREVIATION);
    /** How far before a {@code stream} keyword its dictionary is looked for (raw pass). */
    private static final int DICTIONARY_WINDOW = 2048;

    private PdfStreamLimits() {
    }

    /** Raw pass over the file's bytes: zlib-compressed stream data inflated with a budget. */
    static void scanRaw(byte[] pdf) throws OutlineParseException {
        Totals totals = new Totals();
        byte[] sink = new byte[64 * 1024];
        Inflater inflater = new Inflater();
        try {
            int from = 0;
            while (true) {
                int at = indexOf(pdf, STREAM, from);
                if (at < 0) {
                    return;
                }
                from = at + STREAM.length;
                if (at >= 3 && pdf[at - 1] == 'd' && pdf[at - 2] == 'n' && pdf[at - 3] == 'e') {
                    continue; // "endstream"
                }
                int data = from;
                if (data < pdf.length && pdf[data] == '\r') {
                    data++;
                }
                if (data < pdf.length && pdf[data] == '\n') {
                    data++;
                }
                if (data == from || data + 2 > pdf.length || !isZlibHeader(pdf[data], pdf[data + 1])) {
                    continue;
                }
                boolean image = dictionaryMentionsImage(pdf, at);
                long limit = image ? MAX_IMAGE_BYTES : MAX_STREAM_BYTES;
                inflater.reset();
                inflater.setInput(pdf, data, pdf.length - data);
                long decoded = 0;
                try {
                    while (!inflater.finished() && !inflater.needsInput() && !inflater.needsDictionary()) {
                        int n = inflater.inflate(sink);
                        if (n == 0 && (inflater.needsInput() || inflater.finished())) {
                            break;
                        }
                        decoded += n;
                        if (decoded > limit) {
                            throw bomb(decoded, limit, image ? "an image stream" : "a stream");
                        }
                    }
                } catch (DataFormatException e) {
                    // not zlib after all, or damaged: PDFBox decides what to make of it
                }
                totals.add(decoded, image);
                from = (int) Math.min(pdf.length, data + Math.max(1, inflater.getBytesRead()));
            }
        } finally {
            inflater.end();
        }
    }

    /** What the streams of one PDF decode to so far, text and images apart, each against its cap. */
    private static final class Totals {
        private long text;
        private long images;

        void add(long decoded, boolean image) throws OutlineParseException {
            if (image) {
                images += decoded;
                if (images > MAX_TOTAL_IMAGE_BYTES) {
                    throw bomb(images, MAX_TOTAL_IMAGE_BYTES, "the image streams together");
                }
            } else {
                text += decoded;
                if (text > MAX_TOTAL_BYTES) {
                    throw bomb(text, MAX_TOTAL_BYTES, "the streams together");
                }
            }
        }
    }

    /** Loaded pass: each expanding stream decoded through PDFBox's filters into a counting sink. */
    static void scanDocument(COSDocument document) throws OutlineParseException {
        Totals totals = new Totals();
        for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) {
            COSObject object = document.getObjectFromPool(key);
            COSBase base = object == null ? null : object.getObject();
            if (!(base instanceof COSStream stream)) {
                continue;
            }
            List<COSName> filters = filtersOf(stream);
            if (filters.isEmpty() || filters.stream().noneMatch(EXPANDING::contains)
                    || !DECODABLE.containsAll(filters)) {
                continue; // nothing that expands much, or image codecs PDFBox does not decode for text
            }
            boolean image = COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE));
            long limit = image ? imageLimit(stream) : MAX_STREAM_BYTES;
            long decoded = decodedSize(stream, filters, limit, image);
            totals.add(decoded, image);
        }
    }

    private static long decodedSize(COSStream stream, List<COSName> filters, long limit, boolean image)
            throws OutlineParseException {
        byte[] input;
        try (InputStream raw = stream.createRawInputStream()) {
            input = raw.readAllBytes(); // raw data is part of the file: at most OutlineParser.MAX_BYTES
        } catch (IOException | RuntimeException e) {
            return 0; // unreadable stream: PDFBox reports it when it needs it
        }
        for (int i = 0; i < filters.size(); i++) {
            boolean last = i == filters.size() - 1;
            Budget out = new Budget(limit, !last);
            try {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                filter.decode(new java.io.ByteArrayInputStream(input), out, stream, i);
            } catch (Budget.Exceeded e) {
                throw bomb(e.decoded, limit, image ? "an image stream" : "a stream");
            } catch (IOException | RuntimeException e) {
                if (out.count > limit) {
                    throw bomb(out.count, limit, image ? "an image stream" : "a stream");
                }
                return out.count; // damaged data: what was decoded so far counts
            }
            if (last) {
                return out.count;
            }
            input = out.bytes();
        }
        return 0;
    }

    private static long imageLimit(COSStream stream) {
        long width = Math.max(0, stream.getLong(COSName.WIDTH, stream.getLong(COSName.W, 0)));
        long height = Math.max(0, stream.getLong(COSName.HEIGHT, stream.getLong(COSName.H, 0)));
        long bpc = Math.max(8, stream.getLong(COSName.BITS_PER_COMPONENT, stream.getLong(COSName.BPC, 8)));
        long expected;
        try {
            expected = Math.multiplyExact(Math.multiplyExact(width, height), 4 * bpc / 8);
        } catch (ArithmeticException e) {
            expected = MAX_IMAGE_BYTES;
        }
        return Math.min(MAX_IMAGE_BYTES, expected + 1024 * 1024);
    }

    private static List<COSName> filtersOf(COSStream stream) {
        COSBase filters = stream.getFilters();
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                } else {
                    return List.of(COSName.DCT_DECODE); // malformed: treat as not decodable here
                }
            }
        }
        return names;
    }

    private static boolean dictionaryMentionsImage(byte[] pdf, int streamAt) {
        int start = Math.max(0, streamAt - DICTIONARY_WINDOW);
        int obj = lastIndexOf(pdf, OBJ, start, streamAt);
        int from = obj < 0 ? start : obj;
        return lastIndexOf(pdf, IMAGE, from, streamAt) >= 0;
    }

    private static boolean isZlibHeader(byte cmf, byte flg) {
        int c = cmf & 0xFF;
        int f = flg & 0xFF;
        return (c & 0x0F) == 8 && (c >> 4) <= 7 && ((c << 8) | f) % 31 == 0;
    }

    private static final byte[] STREAM = "stream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] OBJ = " obj".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] IMAGE = "/Image".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle, int from, int to) {
        outer:
        for (int i = to - needle.length; i >= from; i--) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static OutlineParseException bomb(long decoded, long limit, String what) {
        return new OutlineParseException(OutlineParseException.Code.STREAM_BOMB, String.format(Locale.ROOT,
                "the PDF looks like a decompression bomb: %s inflates to more than %.0f MB (decoding stopped at"
                        + " %.0f MB)", what, limit / 1048576.0, decoded / 1048576.0));
    }

    /** A sink that counts, keeps the bytes only when asked (for the next filter of a chain) and stops at a limit. */
    private static final class Budget extends OutputStream {
        private final long limit;
        private final java.io.ByteArrayOutputStream kept;
        long count;

        Budget(long limit, boolean keep) {
            this.limit = limit;
            this.kept = keep ? new java.io.ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            if (count > limit) {
                throw new Exceeded(count);
            }
            if (kept != null) {
                kept.write(b, off, len);
            }
        }

        byte[] bytes() {
            return kept.toByteArray();
        }

        /** Unchecked, so that no filter's own IOException handling swallows it. */
        static final class Exceeded extends RuntimeException {
            final long decoded;

            Exceeded(long decoded) {
                super(null, null, false, false);
                this.decoded = decoded;
            }
        }
    }
}
