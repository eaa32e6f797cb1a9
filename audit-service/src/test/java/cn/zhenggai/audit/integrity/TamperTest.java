package cn.zhenggai.audit.integrity;

import cn.zhenggai.audit.TestLog;
import cn.zhenggai.audit.chain.CanonicalJson;
import cn.zhenggai.audit.chain.ChainEntry;
import cn.zhenggai.audit.log.AuditLog;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tampering with the stored log directly, as someone with database access would: each kind is found and named. */
class TamperTest {

    private final TestLog store = new TestLog();
    private final ChainVerifier verifier = new ChainVerifier(store.log);

    @BeforeEach
    void fill() {
        store.appendSample(8); // positions 1..10
        assertThat(verifier.verify().ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void anIntactLogIsOkAndEveryRecordIsChecked() {
        ChainVerifier.Result result = verifier.verify();
        assertThat(result.ok()).isTrue();
        assertThat(result.checked()).isEqualTo(10);
        assertThat(result.firstBroken()).isNull();
        assertThat(result.toMap()).containsEntry("ok", true).containsEntry("checked", 10L).containsEntry("firstBroken", null);
    }

    @Test
    void aRecordBeingAppendedWhileVerifyingIsNoFalseAlarm() {
        // the state mid-append: announced and inserted, the head not yet moved
        Document last = store.records().find(Filters.eq("position", 10L)).first();
        Document inFlight = forgedAfter(last, 11L);
        store.database.getCollection(AuditLog.CHAIN).updateOne(Filters.eq("_id", "global"),
                Updates.set("pending", inFlight));
        store.records().insertOne(inFlight);
        ChainVerifier.Result result = verifier.verify();
        assertThat(result.ok()).as(String.valueOf(result.firstBroken())).isTrue();
        assertThat(result.checked()).isEqualTo(10);
    }

    @Test
    void aModifiedFieldIsFound() {
        store.records().updateOne(Filters.eq("position", 4L), Updates.set("actor", "someone-else"));
        assertBroken(4L, at(4), "MODIFIED");
    }

    @Test
    void aModifiedTimestampIsFound() {
        store.records().updateOne(Filters.eq("position", 6L),
                Updates.set("timestamp", new java.util.Date(0)));
        assertBroken(6L, at(6), "MODIFIED");
    }

    @Test
    void aModifiedPayloadIsFound() {
        store.records().updateOne(Filters.eq("position", 5L), Updates.set("payload.statement", "改过的问题"));
        assertBroken(5L, at(5), "MODIFIED");
    }

    @Test
    void aDeletedRecordIsFound() {
        store.records().deleteOne(Filters.eq("position", 3L));
        ChainVerifier.Result result = verifier.verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBroken().position()).isEqualTo(3L);
        assertThat(result.firstBroken().code()).isEqualTo("MISSING");
        assertThat(result.firstBroken().reason()).contains(at(4));
    }

    @Test
    void theLastRecordsDeletedAreFound() {
        store.records().deleteMany(Filters.gte("position", 9L));
        assertBroken(9L, null, "TRUNCATED");
    }

    @Test
    void aForgedRecordBeyondTheHeadIsFound() {
        Document last = store.records().find(Filters.eq("position", 10L)).first();
        Document forged = forgedAfter(last, 11L);
        store.records().insertOne(forged);
        assertBroken(11L, "forged", "BEYOND_HEAD");
    }

    @Test
    void aForgedRecordWithoutAPositionIsFound() {
        store.records().insertOne(new Document("_id", "forged").append("type", "ProblemIdentified")
                .append("aggregateId", "r1").append("payload", new Document("statement", "伪造")));
        assertBroken(null, "forged", "NOT_IN_CHAIN");
    }

    @Test
    void aForgedRecordOnAnOccupiedPositionIsFound() {
        Document third = store.records().find(Filters.eq("position", 3L)).first();
        Document forged = new Document(third);
        forged.put("_id", "forged");
        forged.put("actor", "intruder");
        forged.put("hash", CanonicalJson.link(forged.getString("prevHash"), ChainEntry.canonical(forged)));
        store.records().insertOne(forged);
        ChainVerifier.Result result = verifier.verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBroken().position()).isEqualTo(3L);
        assertThat(result.firstBroken().code()).isIn("DUPLICATE_POSITION", "UNLINKED", "MODIFIED", "AGGREGATE_UNLINKED");
        assertThat(result.problems()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void twoSwappedRecordsAreFound() {
        Document fourth = store.records().find(Filters.eq("position", 4L)).first();
        Document fifth = store.records().find(Filters.eq("position", 5L)).first();
        store.records().updateOne(Filters.eq("_id", fourth.get("_id")), Updates.set("position", 5L));
        store.records().updateOne(Filters.eq("_id", fifth.get("_id")), Updates.set("position", 4L));
        assertBroken(4L, fifth.getString("_id"), "UNLINKED");
    }

    @Test
    void twoRecordsWithSwappedContentAreFound() {
        Document fourth = store.records().find(Filters.eq("position", 4L)).first();
        Document fifth = store.records().find(Filters.eq("position", 5L)).first();
        store.records().updateOne(Filters.eq("_id", fourth.get("_id")), Updates.set("payload", fifth.get("payload")));
        store.records().updateOne(Filters.eq("_id", fifth.get("_id")), Updates.set("payload", fourth.get("payload")));
        assertBroken(4L, fourth.getString("_id"), "MODIFIED");
    }

    @Test
    void aRewrittenTailIsCaughtByTheDigestOrTheHead() {
        // rewriting the last record consistently (hash recomputed) still disagrees with the head and the digest
        Document last = store.records().find(Filters.eq("position", 10L)).first();
        last.put("actor", "intruder");
        String canonical = ChainEntry.canonical(last);
        last.put("hash", CanonicalJson.link(last.getString("prevHash"), canonical));
        last.put("aggregateHash", CanonicalJson.link(last.getString("aggregatePrevHash"), canonical));
        store.records().replaceOne(Filters.eq("_id", last.get("_id")), last);
        ChainVerifier.Result result = verifier.verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBroken().position()).isEqualTo(10L);
        assertThat(result.firstBroken().code()).isIn("DIGEST_MISMATCH", "HEAD_MISMATCH");
    }

    @Test
    void aTamperedDigestIsFound() {
        store.database.getCollection(AuditLog.DIGESTS).updateMany(new Document(),
                Updates.set("headHash", "f".repeat(64)));
        assertBroken(10L, at(10), "DIGEST_MISMATCH");
    }

    private String at(long position) {
        return store.records().find(Filters.eq("position", position)).first().getString("_id");
    }

    private void assertBroken(Long position, String eventId, String code) {
        ChainVerifier.Result result = verifier.verify();
        assertThat(result.ok()).isFalse();
        assertThat(result.checked()).isGreaterThan(0);
        assertThat(result.firstBroken().code()).as(result.firstBroken().reason()).isEqualTo(code);
        assertThat(result.firstBroken().position()).isEqualTo(position);
        assertThat(result.firstBroken().eventId()).isEqualTo(eventId);
        assertThat(result.firstBroken().reason()).isNotBlank();
        assertThat(result.toMap()).containsEntry("ok", false);
    }

    private static Document forgedAfter(Document last, long position) {
        Document forged = new Document(last);
        forged.put("_id", "forged");
        forged.put("position", position);
        forged.put("prevHash", last.getString("hash"));
        forged.put("hash", CanonicalJson.link(last.getString("hash"), ChainEntry.canonical(forged)));
        return forged;
    }
}
