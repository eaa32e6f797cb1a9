package cn.zhenggai.platform.ledger;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureSourceLinked;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a ledger item, when stored as a document and read back, then it is the same item. */
class LedgerItemDocumentsTest {

    private static final String ID = "mea-1";
    private static final Instant T0 = Instant.parse("2023-01-10T02:00:00.123Z");
    private static final Backdating.Migration ROW = new Backdating.Migration("台账2021.xlsx", "ab12", 7);

    private static EventMeta meta(long seq, Backdating backdating) {
        Instant recorded = T0.plusSeconds(seq * 86_400);
        return new EventMeta("e-" + seq, seq, recorded, backdating == null ? null : backdating.effectiveAt(),
                "user-" + seq);
    }

    /** An item every field of which is set: planned from a migration, then through every kind of event. */
    static LedgerItem everyField() {
        Backdating migrated = new Backdating(T0.minusSeconds(86_400 * 400L), "migrator", "历史台账迁移", ROW);
        Backdating late = new Backdating(T0.plusSeconds(86_400 + 3_600), "demo-dept", "补录", null);
        List<Object> events = List.of(
                new MeasurePlanned(ID, "XZSPJ", "REPORT", "rpt-1", "m-1", "XZSPJ", "demo-cadre", 2022, 1, "建立制度",
                        "每月集中学习一次", List.of(), "2023-06-30", "2023年6月底前", "张三", "XZSPJ", List.of("CZJ"),
                        List.of(), List.of(new MeasurePlanned.Problem("p-1", "理论学习", 1, "学习不系统"),
                        new MeasurePlanned.Problem("p-2", "作风建设", 2, "调研不深入")), migrated),
                new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of("CZJ", "ZZB"), "王五", "2023-06-30", false, 6,
                        "demo-liaison", true, null),
                new ProgressReported(ID, "XZSPJ", "已学习两次", "demo-dept", "XZSPJ",
                        List.of(new ProgressReported.Evidence("f1", "记录.pdf", "application/pdf", 5_000_000_000L,
                                "cd34")), late),
                new MeasureSourceLinked(ID, "XZSPJ", "INSPECTION", "巡察〔2023〕1号", "学习制度执行不严"),
                new MeasureColourChanged(ID, "XZSPJ", "YELLOW", "GREEN", "2023-06-30", "王五"),
                new SupervisionNoticeIssued("n-1", ID, "XZSPJ", "OWNER", null, "XZSPJ", "王五", "即将到期", "2023-06-30",
                        3),
                new MeasureOverdue(ID, "XZSPJ", "2023-06-30", "王五"),
                new DeadlineExtensionRequested(ID, "XZSPJ", "2023-06-30", "2023-09-30", "客观原因", "demo-dept"),
                new DeadlineExtended(ID, "XZSPJ", "2023-06-30", "2023-09-30", "demo-dept", "demo-party", null),
                new MeasureCompleted(ID, "XZSPJ", "完成", "demo-dept", "2023-09-30", true, null),
                new MeasureRejected(ID, "XZSPJ", "demo-party", List.of("材料不全", "无签字")),
                new MeasureReopened(ID, "XZSPJ", "demo-party", "补充材料"),
                new MeasureOverdue(ID, "XZSPJ", "2023-09-30", "王五"),
                new DeadlineExtensionRequested(ID, "XZSPJ", "2023-09-30", "2023-12-31", "再延期", "demo-dept"),
                new MeasureCompleted(ID, "XZSPJ", "补充完成", "demo-dept", "2023-09-30", true, null),
                new MeasureVerified(ID, "XZSPJ", "demo-party", "同意销号"));
        LedgerItem item = null;
        for (int i = 0; i < events.size(); i++) {
            Object e = events.get(i);
            item = LedgerItems.apply(item, e, meta(i, i == 0 ? migrated : i == 2 ? late : null));
        }
        return item;
    }

    private static Document throughBson(Document d) {
        BsonDocument bson = d.toBsonDocument(Document.class, MongoClientSettings.getDefaultCodecRegistry());
        return new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry())
                .decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
    }

    @Test
    void everyFieldSurvivesTheRoundTripThroughBson() {
        LedgerItem item = everyField();
        assertThat(item.lastRejection()).isNotEmpty();
        assertThat(item.pendingExtension()).isNotNull();
        assertThat(item.lastNotice()).isNotNull();
        assertThat(item.migratedFrom()).isEqualTo(ROW);
        assertThat(item.backdatedEvents()).isEqualTo(2);
        assertThat(item.overdue()).isTrue();
        assertThat(item.backfilled()).isTrue();

        LedgerItem back = LedgerItemDocuments.fromDocument(throughBson(LedgerItemDocuments.toDocument(item)));

        assertThat(back).usingRecursiveComparison().isEqualTo(item);
        assertThat(back).isEqualTo(item);
    }

    @Test
    void aJustPlannedItemWithNullsSurvivesTooAndIgnoresTheRecurringFlagsBesideIt() {
        LedgerItem planned = LedgerItems.apply(null, new MeasurePlanned(ID, "XZSPJ", "AUDIT", null, null, null, null,
                null, 0, "t", null, null, null, null, null, null, null, null, null, null), meta(0, null));
        Document d = LedgerItemDocuments.toDocument(planned).append("recurring", true).append("recurrences",
                List.of(new Document("problemId", "p")));

        assertThat(LedgerItemDocuments.fromDocument(throughBson(d))).isEqualTo(planned);
    }

    @Test
    void timesAndDatesAreBsonDatesAndTheLeadDepartmentIsStoredAsDepartment() {
        LedgerItem item = everyField();
        BsonDocument bson = LedgerItemDocuments.toDocument(item)
                .toBsonDocument(Document.class, MongoClientSettings.getDefaultCodecRegistry());

        assertThat(bson.get("deadline").getBsonType()).isEqualTo(BsonType.DATE_TIME);
        assertThat(bson.get("plannedAt").getBsonType()).isEqualTo(BsonType.DATE_TIME);
        assertThat(bson.getDocument("pendingExtension").get("deadline").getBsonType()).isEqualTo(BsonType.DATE_TIME);
        assertThat(bson.getString("department").getValue()).isEqualTo("XZSPJ");
        assertThat(bson.getString("status").getValue()).isEqualTo("VERIFIED");
        assertThat(LedgerItemDocuments.date(LocalDate.parse("2023-12-31")))
                .isEqualTo(Date.from(Instant.parse("2023-12-31T00:00:00Z")));
        assertThat(LedgerItemDocuments.millis(Instant.parse("2023-01-01T00:00:00.123456Z")))
                .isEqualTo(Instant.parse("2023-01-01T00:00:00.123Z"));
    }

    @Test
    void eachEventThatChangedAFieldIsWrittenOnceAndFieldsNameItBySequence() {
        LedgerItem item = everyField();
        Document d = throughBson(LedgerItemDocuments.toDocument(item));

        Document changedBy = d.get("changedBy", Document.class);
        assertThat(changedBy.keySet()).containsExactlyInAnyOrderElementsOf(item.changedBy().keySet());
        item.changedBy().forEach((field, ref) -> assertThat(changedBy.get(field)).isEqualTo(ref.sequence()));
        List<Long> written = d.getList(LedgerItemDocuments.CHANGED_BY_EVENTS, Document.class).stream()
                .map(ref -> ref.getLong("sequence")).toList();
        assertThat(written).doesNotHaveDuplicates()
                .doesNotContain(item.plannedBy().sequence(), item.lastEvent().sequence());
        assertThat(LedgerItemDocuments.fromDocument(d)).isEqualTo(item);
    }

    @Test
    void aDocumentWrittenBeforeWithWholeEventsInChangedByIsReadTheSame() {
        LedgerItem item = everyField();
        Document d = throughBson(LedgerItemDocuments.toDocument(item));
        Map<Long, Document> bySequence = new HashMap<>();
        List<Document> events = new ArrayList<>(d.getList(LedgerItemDocuments.CHANGED_BY_EVENTS, Document.class));
        events.add(d.get("plannedBy", Document.class));
        events.add(d.get("lastEvent", Document.class));
        events.forEach(ref -> bySequence.put(ref.getLong("sequence"), ref));
        Document whole = new Document();
        d.get("changedBy", Document.class).forEach((field, sequence) -> whole.append(field,
                bySequence.get((Long) sequence)));
        d.remove(LedgerItemDocuments.CHANGED_BY_EVENTS);
        d.put("changedBy", whole);

        assertThat(whole.values()).allSatisfy(ref -> assertThat(ref).isInstanceOf(Document.class));
        assertThat(LedgerItemDocuments.fromDocument(throughBson(d))).isEqualTo(item);
    }
}
