package cn.zhenggai.outline;

/**
 * A logical paragraph: source lines joined so that it holds whole sentences.
 *
 * @param text         cleaned text
 * @param headingLevel 1–6 when the source marked it as a heading, 0 otherwise
 */
record Paragraph(String text, int headingLevel) {

    Marker marker() {
        return Marker.at(text);
    }
}
