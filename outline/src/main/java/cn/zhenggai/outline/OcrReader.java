package cn.zhenggai.outline;

/**
 * Reads scans by OCR: image files, and PDFs whose pages have no text layer. Its lines go through the same cleaner
 * and structure as any other reader's; {@link ReadResult#source()} carries each page's confidence.
 */
final class OcrReader {

    private OcrReader() {
    }

    /** An image file (.png, .jpg, .tif …), read by OCR. */
    static ReadResult readImage(byte[] content) throws OutlineParseException {
        throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE, "OCR is not available yet");
    }

    /** A PDF whose pages carry no text layer: each page rendered and read by OCR. */
    static ReadResult readScannedPdf(byte[] content) throws OutlineParseException {
        throw new OutlineParseException(OutlineParseException.Code.OCR_UNAVAILABLE, "OCR is not available yet");
    }
}
