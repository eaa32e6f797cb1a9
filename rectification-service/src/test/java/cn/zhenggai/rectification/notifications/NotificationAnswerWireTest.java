package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.rectification.NotificationKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/notifications} as a record writes the JSON its map wrote: keys, order, nulls (ADR 0105). */
class NotificationAnswerWireTest {

    @Test
    void theListingIsTheMapsJson() throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "evt-1");
        row.put("kind", "SUPERVISION");
        row.put("level", null);
        row.put("measureId", "m1");
        row.put("department", "XZSPJ");
        row.put("subject", "督办通知");
        row.put("message", "已逾期1天。");
        row.put("createdAt", "2023-07-01T02:00:00Z");
        row.put("read", false);
        row.put("resolved", false);
        row.put("reportId", null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", 1);
        answer.put("unread", 1L);
        answer.put("items", List.of(row));

        Notifications.Listing typed = new Notifications.Listing(1, 1, List.of(new Notifications.Notice("evt-1",
                NotificationKind.SUPERVISION, null, "m1", "XZSPJ", "督办通知", "已逾期1天。", "2023-07-01T02:00:00Z",
                false, false, null)));

        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.writeValueAsString(typed)).isEqualTo(json.writeValueAsString(answer));
    }
}
