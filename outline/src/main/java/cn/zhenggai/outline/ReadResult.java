package cn.zhenggai.outline;

import java.util.List;

/**
 * What a reader (text, .docx, .doc/.wps, PDF, OCR) gives the parser: the lines in reading order, what it noticed,
 * and how it read the file.
 */
record ReadResult(List<SourceLine> lines, List<OutlineWarning> notes, OutlineSource source) {

    ReadResult {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }
}
