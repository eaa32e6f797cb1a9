package cn.zhenggai.outline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A parsed speech outline (发言提纲 / 对照检查材料). Field names are the public outline JSON of
 * DESIGN §7; fields may be added but never renamed.
 *
 * @param title           the document title, from its first line(s); empty when none was found
 * @param year            the meeting year (the 年度 reviewed), or null when the text does not say
 * @param notice          the reference of the convening notice, e.g. {@code *发〔2022〕12号}
 * @param carryOver       how last meeting's measures were implemented, grouped as in the text
 * @param problems        the problems found, in document order
 * @param cleanAreas      areas checked where no problem was found
 * @param rootCauses      root-cause analysis
 * @param personalMatters the personal matters declaration, or null when the outline has none
 * @param measures        measures and directions of effort
 * @param warnings        what the parser noticed but could not place, in Chinese; never silently dropped
 * @param carryOverSummary the carry-over's summary sentence as numbers, or null when the outline has none
 * @param warningCodes    the same warnings as codes with parameters, index for index (the UI translates these)
 * @param source          how the file was read (its kind, pages, OCR confidence), or null for text given directly
 */
@JsonPropertyOrder({"title", "year", "notice", "carryOver", "problems", "cleanAreas", "rootCauses",
        "personalMatters", "measures", "warnings", "carryOverSummary", "warningCodes", "source"})
public record Outline(
        String title,
        Integer year,
        String notice,
        List<CarryOverGroup> carryOver,
        List<Problem> problems,
        List<String> cleanAreas,
        List<RootCause> rootCauses,
        PersonalMatters personalMatters,
        List<Measure> measures,
        List<String> warnings,
        CarryOverSummary carryOverSummary,
        List<OutlineWarning> warningCodes,
        OutlineSource source) {

    /** An outline without a carry-over summary, warning codes or source (text built in code). */
    public Outline(String title, Integer year, String notice, List<CarryOverGroup> carryOver, List<Problem> problems,
                   List<String> cleanAreas, List<RootCause> rootCauses, PersonalMatters personalMatters,
                   List<Measure> measures, List<String> warnings) {
        this(title, year, notice, carryOver, problems, cleanAreas, rootCauses, personalMatters, measures, warnings,
                null, List.of(), null);
    }

    public Outline {
        title = title == null ? "" : title;
        carryOver = List.copyOf(carryOver);
        problems = List.copyOf(problems);
        cleanAreas = List.copyOf(cleanAreas);
        rootCauses = List.copyOf(rootCauses);
        measures = List.copyOf(measures);
        warnings = List.copyOf(warnings);
        warningCodes = warningCodes == null ? List.of() : List.copyOf(warningCodes);
    }
}
