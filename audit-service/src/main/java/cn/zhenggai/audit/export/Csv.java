package cn.zhenggai.audit.export;

import cn.zhenggai.audit.access.AuditAccess;
import cn.zhenggai.audit.chain.CanonicalJson;
import cn.zhenggai.audit.timeline.Summaries;
import cn.zhenggai.platform.security.Caller;
import org.bson.Document;

import java.util.List;

/**
 * The audit trail as CSV for Excel: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting, Chinese column
 * names; a text cell that Excel would read as a formula ({@code = + - @}) is prefixed with {@code '}.
 */
final class Csv {

    static final String BOM = "\uFEFF";
    static final List<String> HEADER = List.of("位置", "事件时间(UTC)", "记录时间(UTC)", "对象类型", "对象ID", "对象内序号",
            "对象链序号", "事件类型", "操作人", "部门", "摘要", "事件ID", "链哈希", "对象链哈希");

    private Csv() {
    }

    static String of(List<Document> records, Caller caller) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, HEADER);
        for (Document r : records) {
            String type = r.getString("type");
            row(csv, List.of(String.valueOf(r.get("position")),
                    CanonicalJson.timestamp(r.getDate("timestamp").toInstant()),
                    CanonicalJson.timestamp(r.getDate("loggedAt").toInstant()),
                    text(r.getString("aggregateType")), text(r.getString("aggregateId")),
                    String.valueOf(r.get("sequence")), String.valueOf(r.get("aggregateIndex")), text(type),
                    text(r.getString("actor")), text(r.getString("department")),
                    text(Summaries.of(type, AuditAccess.mayReadPayload(caller, type) ? r.get("payload", Document.class) : null)),
                    text(String.valueOf(r.get("_id"))), r.getString("hash"), r.getString("aggregateHash")));
        }
        return csv.toString();
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }
}
