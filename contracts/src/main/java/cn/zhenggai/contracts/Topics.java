package cn.zhenggai.contracts;

import java.util.List;

/** Kafka topic names. Each service publishes the events of its own event store to one topic;
 * the gateway publishes the directory's. */
public final class Topics {

    /** Events of report-service: meetings and reports. */
    public static final String REPORT_EVENTS = "zhenggai.report.events";
    /** Events of rectification-service: measures, ledgers, supervision. */
    public static final String RECTIFICATION_EVENTS = "zhenggai.rectification.events";
    /** Events of audit-service: replays, exports. */
    public static final String AUDIT_EVENTS = "zhenggai.audit.events";

    /** Events of the user directory, published by the gateway from its outbox (ADR 0078): users, roles, departments. */
    public static final String DIRECTORY_EVENTS = "zhenggai.directory.events";

    /** Every topic that carries domain events, in the order services were introduced. */
    public static final List<String> ALL = List.of(REPORT_EVENTS, RECTIFICATION_EVENTS, AUDIT_EVENTS,
            DIRECTORY_EVENTS);

    private Topics() {
    }
}
