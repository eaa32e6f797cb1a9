package cn.zhenggai.rectification.sources;

import cn.zhenggai.rectification.DepartmentDirectory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the two sheet imports (findings, ADR 0032; history, ADR 0093) read the same way from a row: which column is
 * which (by any of its accepted header names, ignoring 必填 marks and spaces), a department by code or Chinese name,
 * an item's title from its measure text.
 */
final class SheetRows {

    private SheetRows() {
    }

    /** Column key to cell index, from the header row and each key's accepted names; a key is taken once. */
    static Map<String, Integer> columns(List<String> header, Map<String, List<String>> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).replaceAll("[\\s*＊]|（必填）|\\(必填\\)", "");
            for (Map.Entry<String, List<String>> column : names.entrySet()) {
                if (!index.containsKey(column.getKey()) && column.getValue().contains(name)) {
                    index.put(column.getKey(), c);
                }
            }
        }
        return index;
    }

    /** A department's code from its code or its Chinese name, or null when the directory knows neither. */
    static String department(DepartmentDirectory departments, String text) {
        if (departments.known(text)) {
            return text;
        }
        return departments.names().entrySet().stream().filter(e -> e.getValue().equals(text))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The item's title: the measure's first sentence, at most 60 characters. */
    static String title(String measure) {
        String firstSentence = measure.split("[。；;\\n]", 2)[0].strip();
        String title = firstSentence.isEmpty() ? measure.strip() : firstSentence;
        return title.length() > 60 ? title.substring(0, 60) + "…" : title;
    }

    /** The stripped text, or null when blank. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
