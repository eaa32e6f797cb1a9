package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.reportview.ReportState;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.bson.Document;

import java.util.Date;

/**
 * The Mongo form of a {@link ReportState} in the report list: the state itself under {@code state} (its JSON, as the
 * contracts' mapper writes it) and the summary fields the list filters, sorts and shows, all read from the state.
 */
final class ReportStateDocuments {

    private ReportStateDocuments() {
    }

    /** The list document of {@code state}. */
    static Document listed(ReportState state) {
        Document doc = new Document("_id", state.reportId());
        doc.put("title", state.title());
        doc.put("year", state.year());
        doc.put("author", state.author());
        doc.put("department", state.department());
        doc.put("meetingId", state.meetingId());
        doc.put("notice", state.notice());
        doc.put("status", state.status().name());
        doc.put("round", state.round());
        doc.put("problems", state.problems().size());
        doc.put("rootCauseIds", state.rootCauses().stream().map(ReportState.RootCause::rootCauseId).toList());
        doc.put("measureIds", state.measures().stream().map(ReportState.ProposedMeasure::measureId).toList());
        doc.put("personalMattersDeclared", state.personalMattersDeclared());
        doc.put("returnReasons", state.returnReasons());
        doc.put("createdAt", Date.from(state.draftedAt()));
        doc.put("updatedAt", ReportListProjection.listedAt(state));
        doc.put("lastSequence", state.lastSequence());
        doc.put("state", Document.parse(json(state)));
        return doc;
    }

    /** The state a list document holds, or null for a document written before the list kept it. */
    static ReportState state(Document doc) {
        Document state = doc.get("state", Document.class);
        if (state == null) {
            return null;
        }
        try {
            return EnvelopeCodec.mapper().readValue(state.toJson(), ReportState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report " + doc.get("_id") + " has an unreadable state", e);
        }
    }

    /** The list query's summary of one report (GET /api/reports), read from its state. */
    static ReportSummary summary(ReportState state) {
        return ReportSummary.of(state);
    }

    private static String json(ReportState state) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state of report " + state.reportId(), e);
        }
    }
}
