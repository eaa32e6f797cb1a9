package cn.zhenggai.outline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link Outline} from paragraphs: splits them into sections by their 一、/二、 headings,
 * recognises each section by keywords (so order and numbering do not matter), then reads each
 * kind of section. One instance parses one document; it collects the warnings.
 */
final class OutlineAssembler {

    private static final Pattern YEAR_OF_MEETING = Pattern.compile("(\\d{4})\\s*年度");
    private static final Pattern ANY_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern YEAR_NEAR_MEETING = Pattern.compile("(\\d{4})\\s*年[^。；]{0,30}?(?:民主生活会|组织生活会)");
    private static final Pattern NOTICE = Pattern.compile(
            "([^\\s的了和及与印下关于《》（）()，,。、：:；;“”]{1,8})\\s*[〔\\[［【(（]\\s*(\\d{4})\\s*[〕\\]］】)）]\\s*(\\d{1,4})\\s*号");
    /**
     * Words that introduce an example, longest first: 比如 and its kin (比如说, 再比如, 又如), 如： (with its colon,
     * so 如何 is not one), and the phrases 具体表现在/主要表现为.
     */
    private static final Pattern EXAMPLE_WORD = Pattern.compile(
            "(?:再比如|又比如|再例如|又例如|比如说|比如|例如|譬如说|譬如|又如|再如|如\\s*[：:])"
                    + "|(?:具体|主要|集中)表现(?:在|为|是)(?:以下几个方面|以下方面)?[：:]?");
    /** Characters after which 比如 starts an example (not 无比如此). */
    private static final String EXAMPLE_BOUNDARY = "。；;，,：:！？!? ”）)";
    /** 针对…方面查摆出的…: up to the last 方面 (themes may contain 方面 themselves: 正反两方面经验). */
    private static final Pattern CARRY_OVER_THEME = Pattern.compile("针对(.+)方面");
    private static final Pattern CARRY_OVER_THEME_LOOSE = Pattern.compile("针对(.+?)(?:查摆|存在|梳理|检视|提出|的\\d|\\d)");
    private static final Pattern DECLARED_COUNT = Pattern.compile(
            "(\\d{1,2}|[一二三四五六七八九十两]{1,3})\\s*(?:个|条|项)(?:突出|主要|具体)?问题");
    private static final Pattern THEME_SUFFIX = Pattern.compile(
            "(?:方面)?(?:存在的|存在|主要|查摆的|查摆出的)(?:突出|主要)?(?:问题|不足|差距)$");
    private static final Pattern CLEAN_NEGATION = Pattern.compile("未发现|没有发现|未查摆出|未查出|不存在");
    private static final Pattern CLEAN_LEAD = Pattern.compile(
            "^(?:经过?|通过)?(?:认真|深入|全面)?(?:查摆|对照检查|对照|自查)?[，,]?\\s*(?:在|对照|对|于)?");
    private static final Pattern LEAD_DEPARTMENT = Pattern.compile("(?:牵头|责任)(?:单位|部门)\\s*[:：]\\s*([^；;。，,）)\\n]+)");
    private static final Pattern COOPERATING = Pattern.compile("(?:配合|协办|协同|参与)(?:单位|部门)\\s*[:：]\\s*([^；;。）)\\n]+)");
    private static final Pattern OWNER = Pattern.compile("责任(?:人|领导)\\s*[:：]\\s*([^；;。，,）)\\n]+)");
    private static final Pattern DEADLINE_LABEL = Pattern.compile(
            "(?:完成|整改)?(?:时限|期限|时间)\\s*[:：]\\s*([^；;。，,）)\\n]+)");
    private static final Pattern LABEL_PARAGRAPH = Pattern.compile(
            "^[（(]?(?:牵头|责任|配合|协办|协同|完成|整改)(?:单位|部门|领导|人|时限|时间|期限)\\s*[:：]");
    private static final int SNIPPET = 24;
    /** Lines that open a list rather than head a group. */
    private static final Pattern BARE_HEADING_OPENER = Pattern.compile("以下|如下|下列|几个方面|几点|具体是|分别是");
    /** A count (12个, 十二条) that a summary sentence needs. */
    private static final Pattern COUNT_WORD = Pattern.compile("[\\d一二三四五六七八九十两]\\s*[个条项件]");

    private final List<OutlineWarning> warnings = new ArrayList<>();
    private Integer year;
    /** The carry-over's summary sentence, once read. */
    private CarryOverSummary carryOverSummary;
    /** Year for deadlines written without one: see {@link Deadlines}. */
    private Integer deadlineYear;

    /** A section: its heading (numbering removed), kind and paragraphs. */
    private record Section(String heading, SectionKind kind, List<Paragraph> body) {
    }

    /**
     * A block inside a section: a numbered paragraph or a heading ({@code grouped}), or the
     * paragraphs before the first of those; its head text (numbering removed) and the paragraphs under it.
     */
    private record Block(boolean grouped, String head, List<Paragraph> children) {
    }

    /** The text before the first item, the items, and measure-level label lines. */
    private record Itemized(String header, List<InlineEnumeration.Item> items, List<String> trailer) {
    }

    Outline assemble(ParagraphBuilder.Result document) {
        String title = joinTitle(document.titleLines());
        List<Paragraph> preamble = new ArrayList<>();
        List<Section> sections = splitSections(document.paragraphs(), preamble);

        readMeetingInfo(title, preamble);
        String notice = findNotice(title, preamble);
        if (title.isEmpty()) {
            warn(WarningCode.NO_TITLE);
        }
        for (int i = 1; i < preamble.size(); i++) {
            warn(WarningCode.PREAMBLE_NOT_PLACED, "text", snippet(preamble.get(i).text()));
        }

        Map<SectionKind, List<Paragraph>> byKind = new EnumMap<>(SectionKind.class);
        for (Section section : sections) {
            if (section.kind() == null) {
                warn(WarningCode.SECTION_NOT_RECOGNISED, "paragraphs", section.body().size(),
                        "heading", snippet(section.heading()));
                continue;
            }
            List<Paragraph> existing = byKind.get(section.kind());
            if (existing != null) {
                warn(WarningCode.SECTION_MERGED, "section", describe(section.kind()), "heading", snippet(section.heading()));
                existing.addAll(section.body());
            } else {
                byKind.put(section.kind(), new ArrayList<>(section.body()));
            }
        }

        List<String> cleanAreas = new ArrayList<>();
        List<Problem> problems = readProblems(byKind.getOrDefault(SectionKind.PROBLEMS, List.of()), cleanAreas);
        List<CarryOverGroup> carryOver = readCarryOver(byKind.getOrDefault(SectionKind.CARRY_OVER, List.of()));
        List<RootCause> rootCauses = readRootCauses(byKind.getOrDefault(SectionKind.ROOT_CAUSES, List.of()));
        PersonalMatters personal = readPersonalMatters(byKind.get(SectionKind.PERSONAL_MATTERS));
        List<Measure> measures = readMeasures(byKind.getOrDefault(SectionKind.MEASURES, List.of()));

        if (!document.trailing().isEmpty()) {
            warn(WarningCode.TRAILING_LINES, "lines", String.join(" / ", document.trailing()));
        }
        if (byKind.isEmpty() || (problems.isEmpty() && carryOver.isEmpty() && rootCauses.isEmpty()
                && personal == null && measures.isEmpty())) {
            return null;
        }
        List<String> texts = warnings.stream().map(OutlineWarning::text).toList();
        return new Outline(title, year, notice, carryOver, problems, cleanAreas, rootCauses, personal, measures,
                texts, carryOverSummary, warnings, null);
    }

    // ---------------------------------------------------------------- title, year, notice

    private static String joinTitle(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String text = Sentences.stripEndPunctuation(line);
            if (sb.length() > 0 && isAsciiWord(sb.charAt(sb.length() - 1)) && !text.isEmpty() && isAsciiWord(text.charAt(0))) {
                sb.append(' ');
            }
            sb.append(text);
        }
        return sb.toString();
    }

    private void readMeetingInfo(String title, List<Paragraph> preamble) {
        year = firstYear(YEAR_OF_MEETING, title);
        if (year == null) {
            year = firstYear(YEAR_NEAR_MEETING, title);
        }
        for (int i = 0; year == null && i < Math.min(3, preamble.size()); i++) {
            String text = preamble.get(i).text();
            year = firstYear(YEAR_OF_MEETING, text);
            if (year == null) {
                year = firstYear(YEAR_NEAR_MEETING, text);
            }
        }
        if (year == null) {
            Matcher notice = findNoticeMatch(title + "\n" + joinTexts(preamble));
            if (notice != null) {
                year = Integer.parseInt(notice.group(2));
                warn(WarningCode.YEAR_FROM_NOTICE, "year", year);
            } else {
                String opening = title + "\n" + (preamble.isEmpty() ? "" : preamble.get(0).text());
                year = firstYear(ANY_YEAR, opening);
                if (year != null) {
                    warn(WarningCode.YEAR_FROM_TEXT, "year", year);
                } else {
                    warn(WarningCode.YEAR_NOT_FOUND);
                }
            }
        }
        deadlineYear = year == null ? null : year + 1;
    }

    private static Integer firstYear(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y >= 1990 && y <= 2100) {
                return y;
            }
        }
        return null;
    }

    private static String findNotice(String title, List<Paragraph> preamble) {
        Matcher m = findNoticeMatch(title + "\n" + joinTexts(preamble));
        return m == null ? null : m.group(1) + "〔" + m.group(2) + "〕" + m.group(3) + "号";
    }

    /** The first document number (…〔2022〕12号), looked for only just before each 号. */
    private static Matcher findNoticeMatch(String text) {
        Matcher m = NOTICE.matcher(text);
        for (int hao = text.indexOf('号'); hao >= 0; hao = text.indexOf('号', hao + 1)) {
            m.region(Math.max(0, hao - 24), hao + 1);
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- sections

    private List<Section> splitSections(List<Paragraph> paragraphs, List<Paragraph> preamble) {
        List<Section> sections = new ArrayList<>();
        List<Paragraph> current = preamble;
        List<Marker> numerals = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        SectionKind currentKind = null;
        // with 第一部分 … as sections, 一、 numbers the groups inside them
        boolean partStyle = paragraphs.stream().anyMatch(OutlineAssembler::isPartHeading);
        Marker.Kind sectionKind = sectionMarkerKind(paragraphs);
        for (Paragraph paragraph : paragraphs) {
            Marker marker = paragraph.marker();
            String heading = null;
            String rest = "";
            boolean sectionMarker = sectionKind == Marker.Kind.SECTION
                    ? marker != null && marker.kind() == Marker.Kind.SECTION && (!partStyle || isPartHeading(paragraph))
                    : marker != null && marker.kind() == sectionKind && namesSection(paragraph);
            if (sectionMarker) {
                String text = paragraph.text().substring(marker.length());
                String[] split = splitHeading(text);
                heading = split[0];
                rest = split[1];
                numerals.add(marker);
                headings.add(heading);
            } else if (marker == null) {
                SectionKind bare = SectionKind.ofBareHeading(paragraph.text());
                if (bare != null && bare != currentKind) {
                    heading = Sentences.stripEndPunctuation(paragraph.text());
                }
            }
            if (heading == null) {
                current.add(paragraph);
                continue;
            }
            currentKind = SectionKind.of(heading);
            Section section = new Section(heading, currentKind, new ArrayList<>());
            sections.add(section);
            current = section.body();
            if (!rest.isEmpty()) {
                current.add(new Paragraph(rest, 0));
            }
        }
        checkSectionNumbering(numerals, headings);
        return sections;
    }

    /**
     * The numbering of the sections: 一、 (or 第一部分) when the document uses it; else the style of the first
     * numbered line that names a section (1.查摆的问题, （一）整改措施) when two or more lines of that style do.
     */
    private static Marker.Kind sectionMarkerKind(List<Paragraph> paragraphs) {
        if (paragraphs.stream().anyMatch(p -> p.marker() != null && p.marker().kind() == Marker.Kind.SECTION)) {
            return Marker.Kind.SECTION;
        }
        for (Paragraph p : paragraphs) {
            Marker m = p.marker();
            if (m != null && m.isBlockLevel() && namesSection(p)) {
                long naming = paragraphs.stream()
                        .filter(q -> q.marker() != null && q.marker().kind() == m.kind() && namesSection(q)).count();
                return naming >= 2 ? m.kind() : Marker.Kind.SECTION;
            }
        }
        return Marker.Kind.SECTION;
    }

    /** A numbered line whose text is a short heading naming a section (整改措施, 存在的问题). */
    private static boolean namesSection(Paragraph p) {
        String rest = p.text().substring(p.marker().length());
        String head = splitHeading(rest)[0];
        return Sentences.width(head) <= 40 && SectionKind.of(head) != null && !head.contains("方面")
                && !head.startsWith("针对");
    }

    private static boolean isPartHeading(Paragraph p) {
        Marker m = p.marker();
        return m != null && m.kind() == Marker.Kind.SECTION && p.text().startsWith("第");
    }

    /** Splits "个人有关事项说明。本人…" into heading and body; a heading ending in ： keeps its text. */
    private static String[] splitHeading(String text) {
        int end = Sentences.indexOfTerminator(text, "。！？!?：:", 0);
        if (end < 0 || end == text.length() - 1) {
            return new String[] {Sentences.stripEndPunctuation(text), ""};
        }
        return new String[] {Sentences.stripEndPunctuation(text.substring(0, end)), text.substring(end + 1).strip()};
    }

    private void checkSectionNumbering(List<Marker> numerals, List<String> headings) {
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        int expected = 1;
        for (int i = 0; i < numerals.size(); i++) {
            Marker marker = numerals.get(i);
            int n = marker.ordinal();
            if (seen.containsKey(n)) {
                warn(WarningCode.SECTION_NUMERAL_REPEATED, "numeral", marker.numeral(),
                        "first", snippet(headings.get(seen.get(n))), "second", snippet(headings.get(i)));
            } else if (n > expected) {
                warn(WarningCode.SECTION_NUMBERING_SKIPS, "from", expected - 1, "to", n, "heading", snippet(headings.get(i)));
            }
            seen.putIfAbsent(n, i);
            expected = Math.max(expected, n + 1);
        }
    }

    /**
     * Groups section paragraphs into blocks: at headings when the source marked them (Markdown
     * ###, Word heading styles), else at the first paragraph-level numbering style used in the
     * section (（一）, 1., （1）…). Paragraphs before the first block form a block without marker.
     */
    private static List<Block> blocks(List<Paragraph> body) {
        Marker.Kind groupKind = null;
        boolean byHeading = body.stream().anyMatch(p -> p.headingLevel() > 0);
        boolean outerNumerals = body.stream().anyMatch(p -> p.marker() != null
                && (p.marker().kind() == Marker.Kind.PAREN_CN || p.marker().kind() == Marker.Kind.SECTION));
        if (!byHeading && !body.isEmpty() && isBareHeading(body.get(0)) && body.size() > 1
                && (!outerNumerals || body.stream().filter(OutlineAssembler::isBareHeading).count() >= 2)) {
            // headings without numerals: 理论学习方面： then its items
            List<Block> blocks = new ArrayList<>();
            for (Paragraph p : body) {
                if (isBareHeading(p)) {
                    blocks.add(new Block(true, Sentences.stripEndPunctuation(p.text()), new ArrayList<>()));
                } else {
                    blocks.get(blocks.size() - 1).children().add(p);
                }
            }
            return blocks;
        }
        for (Paragraph p : body) {
            Marker m = p.marker();
            if (!byHeading && m != null && m.isBlockLevel()) {
                groupKind = m.kind();
                break;
            }
        }
        // 第一，在政治纪律方面 / 一是理论学习方面： as short heading lines of their own
        boolean byInlineHeading = groupKind == null && !byHeading
                && body.stream().filter(OutlineAssembler::isInlineHeading).count() >= 2
                && isInlineHeading(body.get(0));
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        List<Paragraph> paragraphs = groupKind == null ? explode(body) : splitAtGroupMarkers(explode(body), groupKind);
        for (Paragraph p : paragraphs) {
            Marker m = p.marker();
            boolean starts = byInlineHeading ? isInlineHeading(p)
                    : groupKind != null ? m != null && m.kind() == groupKind : byHeading && p.headingLevel() > 0;
            if (starts && byInlineHeading) {
                current = new Block(true, Sentences.stripEndPunctuation(p.text().substring(m.length())), new ArrayList<>());
                blocks.add(current);
                continue;
            }
            if (starts) {
                String head = m != null && m.isBlockLevel() ? p.text().substring(m.length()) : p.text();
                current = new Block(true, head, new ArrayList<>());
                blocks.add(current);
            } else if (current == null) {
                current = new Block(false, "", new ArrayList<>(List.of(p)));
                blocks.add(current);
            } else {
                current.children().add(p);
            }
        }
        return blocks;
    }

    /**
     * Splits a numbered paragraph that goes on with the next numbers of its own style ("（一）…。（二）…。（三）…",
     * "1.…；2.…") into one paragraph per number, so that each becomes its own block or item.
     */
    private static List<Paragraph> explode(List<Paragraph> body) {
        List<Paragraph> out = new ArrayList<>(body.size());
        for (Paragraph p : body) {
            Marker m = p.marker();
            if (m == null || !m.isBlockLevel() || m.kind() == Marker.Kind.SECTION) {
                out.add(p);
                continue;
            }
            InlineEnumeration.Split split = InlineEnumeration.splitFrom(p.text(), m.kind(), m.ordinal());
            if (split.items().size() < 2) {
                out.add(p);
                continue;
            }
            for (InlineEnumeration.Item item : split.items()) {
                out.add(new Paragraph(markerText(m.kind(), item.ordinal()) + item.text(), p.headingLevel()));
            }
        }
        return out;
    }

    /**
     * Splits a paragraph where the next group's numeral starts after a full stop inside it ("…岗位。（二）针对…"):
     * a line that began with 二是 may have run on into the next group.
     */
    private static List<Paragraph> splitAtGroupMarkers(List<Paragraph> body, Marker.Kind groupKind) {
        List<Paragraph> out = new ArrayList<>(body.size());
        int next = 1;
        for (Paragraph p : body) {
            Marker m = p.marker();
            if (m != null && m.kind() == groupKind) {
                next = m.ordinal() + 1;
                out.add(p);
                continue;
            }
            String text = p.text();
            int at = next <= 20 ? groupMarkerInside(text, groupKind, next) : -1;
            while (at > 0) {
                out.add(new Paragraph(text.substring(0, at), p.headingLevel()));
                text = text.substring(at);
                next++;
                at = groupMarkerInside(text, groupKind, next);
            }
            out.add(new Paragraph(text, p.headingLevel()));
        }
        return out;
    }

    private static int groupMarkerInside(String text, Marker.Kind kind, int n) {
        String marker = markerText(kind, n);
        if (marker.isEmpty()) {
            return -1;
        }
        for (int at = text.indexOf(marker, 1); at > 0; at = text.indexOf(marker, at + 1)) {
            if ("。！？；".indexOf(text.charAt(at - 1)) >= 0) {
                Marker m = Marker.at(text.substring(at));
                if (m != null && m.kind() == kind && m.ordinal() == n) {
                    return at;
                }
            }
        }
        return -1;
    }

    private static String markerText(Marker.Kind kind, int n) {
        return switch (kind) {
            case PAREN_CN -> "（" + ChineseNumerals.format(n) + "）";
            case NUMBER -> n + ".";
            case PAREN_NUMBER -> "（" + n + "）";
            case CIRCLED -> String.valueOf((char) ('①' + n - 1));
            default -> "";
        };
    }

    /** A short line numbered 第一，/一是 with no sentence in it: a heading in an outline without other numerals. */
    private static boolean isInlineHeading(Paragraph p) {
        Marker m = p.marker();
        if (m == null || m.kind() != Marker.Kind.INLINE) {
            return false;
        }
        String rest = p.text().substring(m.length());
        return !rest.isEmpty() && Sentences.width(rest) <= 50 && rest.indexOf('。') < 0 && rest.indexOf('；') < 0
                && rest.indexOf('，') < 0 && !BARE_HEADING_OPENER.matcher(rest).find();
    }

    /** A short un-numbered line with no sentence in it (理论学习方面：), not an opener like 主要有以下几个方面：. */
    private static boolean isBareHeading(Paragraph p) {
        String text = p.text();
        return p.marker() == null && Sentences.width(text) <= 50 && text.indexOf('。') < 0 && text.indexOf('；') < 0
                && !text.endsWith("，") && !BARE_HEADING_OPENER.matcher(text).find()
                && (text.endsWith("：") || text.endsWith(":") || !Sentences.endsSentence(text));
    }

    /**
     * Splits a block into header and items: items are the inline enumeration of the head
     * (一是…二是…) and numbered child paragraphs; an un-numbered child continues the last item
     * (or the header before any item). Children matching {@code trailer} are set aside.
     */
    private static Itemized itemize(String head, List<Paragraph> children, Predicate<String> trailer) {
        InlineEnumeration.Split split = InlineEnumeration.split(head);
        StringBuilder header = new StringBuilder(split.prefix());
        List<InlineEnumeration.Item> items = new ArrayList<>(split.items());
        List<String> trailerLines = new ArrayList<>();
        for (Paragraph child : children) {
            String text = child.text();
            if (trailer.test(text)) {
                trailerLines.add(text);
                continue;
            }
            Marker m = child.marker();
            if (m != null) {
                // 二是… or 2.… on its own line, possibly followed by 三是… / 3.… in the same paragraph
                items.addAll(InlineEnumeration.splitFrom(text, m.kind(), m.ordinal()).items());
            } else if (items.isEmpty()) {
                InlineEnumeration.Split inner = InlineEnumeration.split(text);
                appendParagraph(header, inner.prefix());
                items.addAll(inner.items());
            } else {
                // continues the last item, and may go on with the next ones (…。三是…)
                InlineEnumeration.Item last = items.remove(items.size() - 1);
                InlineEnumeration.Split more = InlineEnumeration.split(text, last.ordinal() + 1);
                items.add(new InlineEnumeration.Item(last.ordinal(), last.text() + more.prefix()));
                items.addAll(more.items());
            }
        }
        return new Itemized(header.toString().strip(), items, trailerLines);
    }

    private static void appendParagraph(StringBuilder sb, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append('\n');
        }
        sb.append(text);
    }

    /** Warns once when items are not numbered 1, 2, 3 …; {@code code} takes {@code whereParam}, position, numeral. */
    private void checkItemNumbering(List<InlineEnumeration.Item> items, WarningCode code, String whereParam,
                                    String where) {
        for (int i = 0; i < items.size(); i++) {
            int ordinal = items.get(i).ordinal();
            if (ordinal != i + 1) {
                warn(code, whereParam, where, "position", i + 1, "numeral", ordinal);
                return;
            }
        }
    }

    // ---------------------------------------------------------------- problems and clean areas

    private List<Problem> readProblems(List<Paragraph> body, List<String> cleanAreas) {
        List<Paragraph> rest = extractCleanAreas(body, cleanAreas);
        List<Problem> problems = new ArrayList<>();
        for (Block block : blocks(rest)) {
            Itemized itemized = itemize(block.head(), block.children(), t -> false);
            String header = itemized.header();
            List<InlineEnumeration.Item> items = itemized.items();
            if (!block.grouped() && items.isEmpty()) {
                if (!header.isEmpty()) {
                    warn(WarningCode.PROBLEM_TEXT_NOT_PLACED, "text", snippet(header));
                }
                continue;
            }
            String theme = "";
            if (block.grouped()) {
                theme = themeOf(Sentences.splitHead(header.lines().findFirst().orElse(""))[0]);
            } else if (!header.isEmpty()) {
                warn(WarningCode.PROBLEMS_WITHOUT_THEME, "text", snippet(header));
            }
            String[] headAndRest = Sentences.splitHead(header);
            if (items.isEmpty()) {
                if (headAndRest[1].isEmpty()) {
                    warn(WarningCode.THEME_WITHOUT_PROBLEMS, "theme", snippet(header));
                    continue;
                }
                items = List.of(new InlineEnumeration.Item(1, headAndRest[1]));
                warn(WarningCode.THEME_READ_AS_ONE_PROBLEM, "theme", snippet(theme));
            }
            checkItemNumbering(items, WarningCode.PROBLEM_NUMBERING_IRREGULAR, "theme", snippet(theme));
            int ordinal = 0;
            for (InlineEnumeration.Item item : items) {
                String[] statementAndExample = splitExample(item.text());
                problems.add(new Problem(theme, ++ordinal, statementAndExample[0], statementAndExample[1]));
            }
        }
        return problems;
    }

    /** Theme of a heading: its first sentence without 方面 / 存在的问题, and without a leading 在 when it ended in 方面. */
    static String themeOf(String firstSentence) {
        String theme = Sentences.stripEndPunctuation(firstSentence);
        boolean aspect = false;
        Matcher suffix = THEME_SUFFIX.matcher(theme);
        if (suffix.find()) {
            aspect = suffix.group().startsWith("方面");
            theme = theme.substring(0, suffix.start());
        }
        if (theme.endsWith("方面") && theme.length() > 2) {
            theme = theme.substring(0, theme.length() - 2);
            aspect = true;
        }
        if (aspect && theme.startsWith("在") && theme.length() > 1) {
            theme = theme.substring(1);
        }
        if (theme.startsWith("关于") && theme.length() > 2) {
            theme = theme.substring(2);
        }
        return Sentences.stripEndPunctuation(theme);
    }

    /**
     * {statement, example or null}: the example starts at the first example word at a clause boundary
     * (比如, 例如, 譬如, 如：) or at 具体表现在/主要表现为 anywhere, and is the rest of the item.
     */
    static String[] splitExample(String text) {
        if (text.indexOf('如') < 0 && !text.contains("表现")) {
            return new String[] {text.strip(), null};
        }
        Matcher m = EXAMPLE_WORD.matcher(text);
        while (m.find()) {
            int start = m.start();
            boolean phrase = m.group().contains("表现");
            if (!phrase && start > 0 && EXAMPLE_BOUNDARY.indexOf(text.charAt(start - 1)) < 0) {
                continue;
            }
            String statement = text.substring(0, start).strip();
            String example = Sentences.stripLeadingSeparators(text.substring(m.end()).strip());
            if (statement.isEmpty()) {
                return new String[] {example, null};
            }
            return new String[] {statement, example.isEmpty() ? null : example};
        }
        return new String[] {text.strip(), null};
    }

    /**
     * Removes the sentence(s) "…在A、B、C等方面未发现存在问题。" from the paragraphs and collects
     * the areas they list.
     */
    private List<Paragraph> extractCleanAreas(List<Paragraph> body, List<String> areas) {
        List<Paragraph> out = new ArrayList<>(body.size());
        for (Paragraph paragraph : body) {
            if (!paragraph.text().contains("方面") || !CLEAN_NEGATION.matcher(paragraph.text()).find()) {
                out.add(paragraph);
                continue;
            }
            StringBuilder kept = new StringBuilder();
            for (String sentence : Sentences.split(paragraph.text())) {
                List<String> found = cleanAreasOf(sentence);
                if (found.isEmpty()) {
                    kept.append(sentence);
                } else {
                    areas.addAll(found);
                }
            }
            if (!kept.isEmpty()) {
                out.add(new Paragraph(kept.toString(), paragraph.headingLevel()));
            }
        }
        return out;
    }

    private static List<String> cleanAreasOf(String sentence) {
        Matcher negation = CLEAN_NEGATION.matcher(sentence);
        if (!negation.find() || !sentence.contains("问题")) {
            return List.of();
        }
        int aspect = sentence.lastIndexOf("方面", negation.start());
        if (aspect < 0) {
            return List.of();
        }
        String list = sentence.substring(0, aspect);
        int clause = Math.max(list.lastIndexOf('，'), Math.max(list.lastIndexOf(','), list.lastIndexOf('：')));
        list = list.substring(clause + 1); // the list is the last clause before 方面
        int at = list.indexOf('在');
        int firstItem = list.indexOf('、');
        if (at >= 0 && at <= 8 && (firstItem < 0 || at < firstItem)) {
            list = list.substring(at + 1); // "本人在A、B等方面…", "班子在A、B…"
        }
        list = CLEAN_LEAD.matcher(list.strip()).replaceFirst("");
        list = list.replaceFirst("(?:等等|等)\\s*$", "");
        List<String> areas = new ArrayList<>();
        for (String area : Sentences.splitList(list)) {
            String a = Sentences.stripEndPunctuation(area);
            if (!a.isEmpty()) {
                areas.add(a);
            }
        }
        return areas;
    }

    // ---------------------------------------------------------------- carry-over

    /**
     * Takes the summary sentence (上年度查摆的问题共12个，已整改完成10个…) out of the carry-over paragraphs; the
     * first one found becomes {@link #carryOverSummary}.
     */
    private List<Paragraph> extractSummary(List<Paragraph> body) {
        List<Paragraph> out = new ArrayList<>(body.size());
        for (Paragraph paragraph : body) {
            String text = paragraph.text();
            if (carryOverSummary != null || !COUNT_WORD.matcher(text).find()) {
                out.add(paragraph);
                continue;
            }
            StringBuilder kept = new StringBuilder();
            boolean found = false;
            for (String sentence : Sentences.split(text)) {
                // the items may follow the summary in the same sentence (…需长期坚持1个：①…；②…)
                InlineEnumeration.Split list = InlineEnumeration.split(sentence);
                String head = list.isEmpty() ? sentence : list.prefix();
                CarryOverSummary summary = found || carryOverSummary != null ? null : CarryOverSummaries.parse(head);
                if (summary != null && Marker.at(sentence) == null) {
                    carryOverSummary = summary;
                    found = true;
                    if (!list.isEmpty()) {
                        kept.append(sentence.substring(list.start()));
                    }
                } else {
                    kept.append(sentence);
                }
            }
            if (!found) {
                out.add(paragraph);
            } else if (!kept.isEmpty()) {
                out.add(new Paragraph(kept.toString(), paragraph.headingLevel()));
            }
        }
        return out;
    }

    /** Compares the summary's numbers with each other and with the groups (their declared counts, else items). */
    private void checkSummary(List<CarryOverGroup> groups, int declaredTotal, boolean allDeclared) {
        CarryOverSummary summary = carryOverSummary;
        if (summary == null) {
            return;
        }
        if (summary.problems() != null && summary.completed() != null && summary.longTerm() != null
                && summary.completed() + summary.longTerm() != summary.problems()) {
            warn(WarningCode.CARRY_OVER_SUMMARY_PARTS_MISMATCH, "problems", summary.problems(),
                    "completed", summary.completed(), "longTerm", summary.longTerm());
        }
        if (summary.problems() == null || groups.isEmpty()) {
            return;
        }
        int listed = allDeclared ? declaredTotal : groups.stream().mapToInt(g -> g.items().size()).sum();
        if (listed != summary.problems()) {
            warn(WarningCode.CARRY_OVER_SUMMARY_MISMATCH, "stated", summary.problems(), "listed", listed);
        }
    }

    private List<CarryOverGroup> readCarryOver(List<Paragraph> sectionBody) {
        List<CarryOverGroup> groups = new ArrayList<>();
        List<Paragraph> body = extractSummary(sectionBody);
        int declaredTotal = 0;
        boolean allDeclared = true;
        List<Block> blocks = blocks(body);
        if (isFlatList(body, blocks)) {
            // 1.针对…，建立…  2.针对…，完成…: one list of items, not groups
            List<String> items = new ArrayList<>();
            blocks.forEach(b -> items.add(InlineEnumeration.finish(b.head())));
            groups.add(new CarryOverGroup("", items, null));
            checkSummary(groups, 0, false);
            return groups;
        }
        boolean numbered = blocks.stream().anyMatch(Block::grouped);
        for (Block block : blocks) {
            if (numbered && !block.grouped()) {
                InlineEnumeration.Split split = InlineEnumeration.split(joinTexts(block.children()));
                if (split.isEmpty()) {
                    warn(WarningCode.CARRY_OVER_TEXT_NOT_PLACED, "text", snippet(joinTexts(block.children())));
                    continue;
                }
            }
            Itemized itemized = itemize(block.head(), block.children(), t -> false);
            String header = itemized.header();
            List<String> items = new ArrayList<>();
            itemized.items().forEach(item -> items.add(item.text()));
            if (items.isEmpty()) {
                if (!block.grouped()) {
                    // un-numbered paragraphs: each is an item of one group without heading
                    for (String paragraph : header.split("\n")) {
                        if (!paragraph.isBlank()) {
                            items.addAll(parallelClauses(paragraph.strip()));
                        }
                    }
                    header = "";
                } else {
                    String[] headAndRest = Sentences.splitHead(header);
                    header = headAndRest[0];
                    if (!headAndRest[1].isEmpty()) {
                        items.add(headAndRest[1]);
                    }
                }
            }
            String heading = Sentences.stripEndPunctuation(header);
            checkItemNumbering(itemized.items(), WarningCode.CARRY_OVER_NUMBERING_IRREGULAR, "heading", snippet(heading));
            Matcher declared = DECLARED_COUNT.matcher(heading);
            boolean declares = declared.find();
            allDeclared &= declares;
            if (declares) {
                int count = ChineseNumerals.parseAny(declared.group(1));
                declaredTotal += Math.max(count, 0);
                if (count > 0 && count != items.size()) {
                    warn(WarningCode.CARRY_OVER_COUNT_MISMATCH, "declared", count, "listed", items.size(),
                            "heading", snippet(heading));
                }
            }
            groups.add(new CarryOverGroup(heading, items, carryOverTheme(heading)));
        }
        checkSummary(groups, declaredTotal, allDeclared);
        return groups;
    }

    /**
     * A paragraph of parallel clauses ("针对A问题，…；针对B问题，…；") as one item per clause: at least two clauses
     * separated by ；, all opening with the same two characters; otherwise the paragraph as one item.
     */
    private static List<String> parallelClauses(String paragraph) {
        String[] clauses = paragraph.split("；");
        if (clauses.length < 2) {
            return List.of(paragraph);
        }
        String lead = clauses[0].strip();
        if (lead.length() < 2) {
            return List.of(paragraph);
        }
        String opening = lead.substring(0, 2);
        List<String> items = new ArrayList<>();
        for (String clause : clauses) {
            String c = clause.strip();
            if (!c.startsWith(opening)) {
                return List.of(paragraph);
            }
            items.add(InlineEnumeration.finish(Sentences.endsSentence(c) ? c : c + "；"));
        }
        return items;
    }

    /**
     * Whether numbered carry-over paragraphs are items of one list rather than group headings: numbered 1./①/（1）
     * (not （一）), none with paragraphs or an enumeration of its own, none declaring a count (3个问题).
     */
    private static boolean isFlatList(List<Paragraph> body, List<Block> blocks) {
        Marker first = body.stream().map(Paragraph::marker).filter(m -> m != null && m.isBlockLevel())
                .findFirst().orElse(null);
        if (first == null || first.kind() == Marker.Kind.PAREN_CN || first.kind() == Marker.Kind.SECTION
                || blocks.size() < 2) {
            return false;
        }
        return blocks.stream().allMatch(b -> b.grouped() && b.children().isEmpty()
                && InlineEnumeration.split(b.head()).isEmpty() && !DECLARED_COUNT.matcher(b.head()).find());
    }

    private static String carryOverTheme(String heading) {
        Matcher m = CARRY_OVER_THEME.matcher(heading);
        if (!m.find()) {
            m = CARRY_OVER_THEME_LOOSE.matcher(heading);
            if (!m.find()) {
                return null;
            }
        }
        String theme = m.group(1).strip();
        return theme.isEmpty() ? null : theme;
    }

    // ---------------------------------------------------------------- root causes

    private List<RootCause> readRootCauses(List<Paragraph> body) {
        List<RootCause> causes = new ArrayList<>();
        List<Block> blocks = blocks(body);
        boolean numbered = blocks.stream().anyMatch(Block::grouped);
        for (Block block : blocks) {
            if (numbered && block.grouped()) {
                StringBuilder text = new StringBuilder(block.head());
                block.children().forEach(child -> appendParagraph(text, child.text()));
                causes.add(rootCause(text.toString()));
                continue;
            }
            Itemized itemized = itemize(block.head(), block.children(), t -> false);
            if (!itemized.items().isEmpty()) {
                if (!itemized.header().isEmpty() && !itemized.header().endsWith("：") && !itemized.header().endsWith(":")) {
                    warn(WarningCode.ROOT_CAUSE_TEXT_NOT_PLACED, "text", snippet(itemized.header()));
                }
                itemized.items().forEach(item -> causes.add(rootCause(item.text())));
            } else {
                for (String paragraph : itemized.header().split("\n")) {
                    if (!paragraph.isBlank()) {
                        causes.add(rootCause(paragraph));
                    }
                }
            }
        }
        return causes;
    }

    private static RootCause rootCause(String text) {
        String[] headAndRest = Sentences.splitHead(text.strip());
        return new RootCause(headAndRest[0], headAndRest[1]);
    }

    // ---------------------------------------------------------------- personal matters

    private PersonalMatters readPersonalMatters(List<Paragraph> body) {
        if (body == null) {
            return null;
        }
        String text = joinTexts(body);
        if (text.isBlank()) {
            warn(WarningCode.PERSONAL_MATTERS_EMPTY);
        }
        return PersonalMattersParser.parse(text);
    }

    // ---------------------------------------------------------------- measures

    private List<Measure> readMeasures(List<Paragraph> body) {
        List<Measure> measures = new ArrayList<>();
        List<Block> blocks = blocks(body);
        boolean numbered = blocks.stream().anyMatch(Block::grouped);
        for (Block block : blocks) {
            if (numbered && block.grouped()) {
                measures.add(measure(block.head(), block.children()));
                continue;
            }
            // un-numbered: an inline enumeration lists measures; else each paragraph is one
            Itemized itemized = itemize(block.head(), block.children(), t -> false);
            if (!itemized.items().isEmpty()) {
                if (!itemized.header().isEmpty() && !Sentences.endsSentence(itemized.header())) {
                    warn(WarningCode.MEASURE_TEXT_NOT_PLACED, "text", snippet(itemized.header()));
                }
                for (InlineEnumeration.Item item : itemized.items()) {
                    measures.add(measure(item.text(), List.of()));
                }
            } else if (numbered) {
                warn(WarningCode.MEASURE_TEXT_NOT_PLACED, "text", snippet(itemized.header()));
            } else {
                for (String paragraph : itemized.header().split("\n")) {
                    if (!paragraph.isBlank()) {
                        measures.add(measure(paragraph, List.of()));
                    }
                }
            }
        }
        return measures;
    }

    private Measure measure(String head, List<Paragraph> children) {
        // the title ends at the first full stop, or where an inline list of actions begins
        InlineEnumeration.Split inline = InlineEnumeration.split(head.strip());
        String[] titleAndRest = Sentences.splitHead(head.strip());
        if (!inline.isEmpty() && inline.prefix().length() < titleAndRest[0].length()) {
            titleAndRest = Sentences.splitHead(inline.prefix());
            titleAndRest[1] = (titleAndRest[1] + head.strip().substring(inline.start())).strip();
        }
        String title = titleAndRest[0];
        Itemized itemized = itemize(titleAndRest[1], children, t -> LABEL_PARAGRAPH.matcher(t).find());
        StringBuilder content = new StringBuilder(titleAndRest[1]);
        children.forEach(child -> appendParagraph(content, child.text()));
        String contentText = content.toString().strip();

        List<Action> actions = new ArrayList<>();
        for (InlineEnumeration.Item item : itemized.items()) {
            Deadline deadline = deadlineIn(item.text(), snippet(title));
            actions.add(new Action(item.text(), deadline.date(), deadline.text()));
        }
        checkItemNumbering(itemized.items(), WarningCode.ACTION_NUMBERING_IRREGULAR, "measure", snippet(title));

        String measureLevelText = itemized.header() + "\n" + String.join("\n", itemized.trailer());
        Deadline deadline = labelledDeadline(measureLevelText, title);
        if (deadline.isNone()) {
            deadline = deadlineIn(title + "。" + measureLevelText, snippet(title));
        }
        if (deadline.date() == null) {
            Deadline latest = actions.stream()
                    .filter(a -> a.deadline() != null)
                    .max(Comparator.comparing(Action::deadline))
                    .map(a -> new Deadline(a.deadline(), a.deadlineText()))
                    .orElse(null);
            if (latest != null) {
                deadline = latest;
            }
        }
        return new Measure(title, contentText, deadline.date(), actions, deadline.text(),
                labelValue(LEAD_DEPARTMENT, contentText), departments(contentText), labelValue(OWNER, contentText));
    }

    /** A deadline as found: date (may be null) and text as written (may be null). */
    private record Deadline(LocalDate date, String text) {
        static final Deadline NONE = new Deadline(null, null);

        boolean isNone() {
            return date == null && text == null;
        }
    }

    private Deadline labelledDeadline(String text, String title) {
        Matcher m = DEADLINE_LABEL.matcher(text);
        if (!m.find()) {
            return Deadline.NONE;
        }
        String value = m.group(1).strip();
        Deadline parsed = deadlineIn("时限：" + value, snippet(title));
        return parsed.isNone() ? new Deadline(null, value) : new Deadline(parsed.date(), value);
    }

    /** The latest deadline written in the text, else an open-ended phrase; updates the context year. */
    private Deadline deadlineIn(String text, String where) {
        List<Deadlines.Found> found = Deadlines.findAll(text, deadlineYear);
        Deadlines.Found latest = null;
        for (Deadlines.Found f : found) {
            if (f.explicitYear() != null) {
                deadlineYear = f.explicitYear();
            }
            if (f.date() == null) {
                warn(WarningCode.DEADLINE_UNRESOLVED, "measure", where, "deadline", f.text());
            } else if (latest == null || f.date().isAfter(latest.date())) {
                latest = f;
            }
        }
        if (latest != null) {
            return new Deadline(latest.date(), latest.text());
        }
        if (!found.isEmpty()) {
            return new Deadline(null, found.get(0).text());
        }
        String open = Deadlines.openEnded(text);
        return open == null ? Deadline.NONE : new Deadline(null, open);
    }

    private static String labelValue(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    private static List<String> departments(String text) {
        String value = labelValue(COOPERATING, text);
        return value == null ? List.of() : Sentences.splitList(value.replace('/', '、'));
    }

    // ---------------------------------------------------------------- helpers

    private static String joinTexts(List<Paragraph> paragraphs) {
        StringBuilder sb = new StringBuilder();
        paragraphs.forEach(p -> appendParagraph(sb, p.text()));
        return sb.toString();
    }

    private static String describe(SectionKind kind) {
        return switch (kind) {
            case PERSONAL_MATTERS -> "个人有关事项";
            case CARRY_OVER -> "上年度整改落实情况";
            case ROOT_CAUSES -> "问题根源";
            case MEASURES -> "整改措施";
            case PROBLEMS -> "查摆问题";
        };
    }

    /** The start of a text on one line, for a warning's parameter (the template adds the quotes). */
    static String snippet(String text) {
        String oneLine = text.replace('\n', ' ').strip();
        return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET) + "…";
    }

    private void warn(WarningCode code, Object... namesAndValues) {
        warnings.add(OutlineWarning.of(code, namesAndValues));
    }

    private static boolean isAsciiWord(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }
}
