package cn.zhenggai.outline;

/**
 * One line of the source as read from the file, before lines are joined into paragraphs.
 *
 * @param text         the cleaned text ({@link TextCleaner})
 * @param headingLevel 1–6 when the source marks it as a heading (Markdown {@code #}, a Word heading
 *                     style), 0 otherwise
 */
record SourceLine(String text, int headingLevel) {

    static SourceLine plain(String text) {
        return new SourceLine(text, 0);
    }

    boolean isBlank() {
        return text.isBlank();
    }
}
