package cn.zhenggai.report.importing;

import cn.zhenggai.outline.CarryOverSummary;
import cn.zhenggai.outline.Outline;
import cn.zhenggai.outline.OutlineSource;
import cn.zhenggai.outline.OutlineWarning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answers of the outline preview and import (ADR 0104): records whose components are the keys the hand-built
 * JSON objects had, in their order. They are written by the outline's own mapper ({@code OutlineJson}), as the
 * outline JSON of DESIGN §7 always was, so the bytes are unchanged.
 */
final class OutlineAnswers {

    private OutlineAnswers() {
    }

    /** A warning as a code with its parameters: the parser's {@link OutlineWarning} and this service's alike. */
    public record CodedWarning(String code, Map<String, String> params) {

        static CodedWarning of(OutlineWarning warning) {
            return new CodedWarning(warning.code().name(), warning.params());
        }

        static CodedWarning of(ImportWarning warning) {
            return new CodedWarning(warning.code().name(), warning.params());
        }
    }

    /** How many of each part the outline has ({@code personalMatters}: whether it has them). */
    public record Counts(int carryOver, int problems, int cleanAreas, int rootCauses, boolean personalMatters,
                         int measures) {

        static Counts of(Outline outline) {
            return new Counts(outline.carryOver().size(), outline.problems().size(), outline.cleanAreas().size(),
                    outline.rootCauses().size(), outline.personalMatters() != null, outline.measures().size());
        }
    }

    /**
     * The preview's answer: what would be imported, nothing created.
     *
     * @param warnings     the parser's warnings then this service's, in Chinese
     * @param warningCodes the same warnings as codes, index for index
     */
    public record Preview(String fileName, Outline outline, List<String> warnings, Counts counts,
                          List<CodedWarning> warningCodes, OutlineSource source, CarryOverSummary carryOverSummary) {
    }

    /**
     * The import's answer: the draft report created.
     *
     * @param warnings     the parser's warnings, what the import settled, the carry-over check and themes outside
     *                     the meeting, in Chinese
     * @param warningCodes the same warnings as codes, index for index
     */
    public record Imported(String reportId, String title, Integer year, Counts counts, List<String> warnings,
                           List<CodedWarning> warningCodes) {
    }

    /** The parser's warnings followed by {@code own}, as text. */
    static List<String> warnings(Outline outline, List<ImportWarning> own) {
        List<String> warnings = new ArrayList<>(outline.warnings());
        own.forEach(w -> warnings.add(w.text()));
        return warnings;
    }

    /** The parser's warnings followed by {@code own}, as codes. */
    static List<CodedWarning> codes(Outline outline, List<ImportWarning> own) {
        List<CodedWarning> codes = new ArrayList<>(outline.warningCodes().stream().map(CodedWarning::of).toList());
        own.forEach(w -> codes.add(CodedWarning.of(w)));
        return codes;
    }
}
