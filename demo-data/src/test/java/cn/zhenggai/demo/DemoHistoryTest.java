package cn.zhenggai.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's historical ledger (ADR 0094): the 2021 and 2022 meetings' items have histories from their Januaries to
 * today, every step in an order the history import accepts, never in the future, and today's states as the demo
 * shows them.
 */
class DemoHistoryTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static JsonNode report(int year) throws Exception {
        return new ObjectMapper().readTree(("{\"reportId\":\"rpt-" + year + "\",\"author\":\"czj-cadre1\",\"year\":"
                + year + ",\"problems\":[{\"problemId\":\"p1\",\"theme\":\"学习\",\"statement\":\"理论学习不够系统；有差距\"},"
                + "{\"problemId\":\"p2\",\"theme\":\"调研\",\"statement\":\"调查研究不够深入\"}],"
                + "\"rootCauses\":[{\"rootCauseId\":\"rc1\",\"problemIds\":[\"p1\",\"p2\"]}],\"measures\":["
                + measures() + "]}"));
    }

    private static String measures() {
        List<String> m = new ArrayList<>();
        for (int i = 0; i < DemoLedger.State.values().length; i++) {
            m.add("{\"measureId\":\"msr-" + i + "\",\"ordinal\":" + (i + 1) + ",\"title\":\"措施" + i
                    + "\",\"content\":\"内容，含逗号\",\"rootCauseIds\":[\"rc1\"]}");
        }
        return String.join(",", m);
    }

    @Test
    void everyStateHasAHistoryFromTheMeetingsJanuaryToTodayInOrder() throws Exception {
        List<DemoLedger.State> states = Arrays.asList(DemoLedger.State.values());
        LocalDate earliest = LocalDate.MAX;
        LocalDate latest = LocalDate.MIN;
        for (int year : new int[]{2021, 2022}) {
            List<List<String>> rows = DemoHistory.rows(report(year), "CZJ", "王*", states, TODAY);
            assertThat(rows.get(0)).isEqualTo(DemoHistory.HEADER);
            assertThat(rows).hasSize(states.size() + 1);
            for (int r = 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                DemoLedger.State state = states.get(r - 1);
                assertThat(row).hasSize(DemoHistory.HEADER.size());
                LocalDate planned = date(cell(row, "下达日期"));
                assertThat(planned).isEqualTo(LocalDate.of(year, 1, 8 + r - 1));
                assertThat(cell(row, "问题")).isEqualTo("理论学习不够系统，有差距\n调查研究不够深入");
                assertThat(cell(row, "问题主题")).isEqualTo("学习\n调研");
                for (String d : dates(String.join(" ", row.subList(DemoHistory.HEADER.indexOf("完成时限"), row.size())))) {
                    LocalDate at = date(d);
                    earliest = at.isBefore(earliest) ? at : earliest;
                    latest = at.isAfter(latest) ? at : latest;
                }
                if (state == DemoLedger.State.PLANNED) {
                    assertThat(cell(row, "分派日期")).isEmpty();
                    assertThat(cell(row, "进展")).isEmpty();
                    continue;
                }
                LocalDate assigned = date(cell(row, "分派日期"));
                assertThat(assigned.getMonthValue()).as("assigned in the meeting's January").isEqualTo(1);
                assertThat(assigned.getYear()).isEqualTo(year);
                LocalDate completed = cell(row, "完成日期").isEmpty() ? null : date(cell(row, "完成日期"));
                LocalDate previous = assigned;
                for (String p : dates(cell(row, "进展"))) {
                    LocalDate at = date(p);
                    assertThat(at).isAfterOrEqualTo(previous).isBeforeOrEqualTo(TODAY);
                    if (completed != null) {
                        assertThat(at).isBeforeOrEqualTo(completed);
                    }
                    previous = at;
                }
                LocalDate deadline = "长期坚持".equals(cell(row, "完成时限")) ? null : date(cell(row, "完成时限"));
                for (String e : cell(row, "延期").split("；")) {
                    if (e.isBlank()) {
                        continue;
                    }
                    List<String> two = dates(e);
                    LocalDate approved = date(two.get(0));
                    LocalDate to = date(two.get(1));
                    assertThat(approved).isAfterOrEqualTo(assigned).isBeforeOrEqualTo(TODAY);
                    assertThat(to).isAfter(deadline);
                    if (completed != null) {
                        assertThat(approved).isBeforeOrEqualTo(completed);
                    }
                    deadline = to;
                }
                switch (state) {
                    case VERIFIED -> assertThat(date(cell(row, "销号日期"))).isAfterOrEqualTo(completed)
                            .isBefore(TODAY);
                    case COMPLETED -> {
                        assertThat(completed).isBetween(TODAY.minusMonths(1), TODAY);
                        assertThat(cell(row, "销号日期")).isEmpty();
                        assertThat(cell(row, "延期").split("；")).as("extended twice").hasSize(2);
                    }
                    case IN_PROGRESS -> assertThat(deadline).isAfter(TODAY.plusDays(30));
                    case DUE_SOON -> assertThat(deadline).isBetween(TODAY.plusDays(1), TODAY.plusDays(7));
                    case DUE_TODAY -> assertThat(deadline).isEqualTo(TODAY);
                    case OVERDUE -> {
                        assertThat(deadline).as("still open, its extended deadline passed").isBefore(TODAY);
                        assertThat(completed).isNull();
                    }
                    case LONG_TERM -> assertThat(dates(cell(row, "进展")).size())
                            .as("a review every half year").isGreaterThanOrEqualTo(2 * (TODAY.getYear() - year) - 1);
                    default -> {
                    }
                }
            }
        }
        assertThat(earliest.getYear()).isEqualTo(2021);
        assertThat(latest).isAfter(TODAY.minusMonths(1)).isBeforeOrEqualTo(TODAY.plusYears(1));
        String csv = new String(DemoHistory.csv(List.of(List.of("a,b", "c\"d"))), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\"a,b\",\"c\"\"d\"\r\n");
    }

    private static String cell(List<String> row, String column) {
        return row.get(DemoHistory.HEADER.indexOf(column));
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static List<String> dates(String text) {
        List<String> dates = new ArrayList<>();
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            dates.add(m.group());
        }
        return dates;
    }
}
