package cn.zhenggai.audit.log;

import java.util.List;
import java.util.Map;

/** The fields an append adds to a record. */
final class ChainFields {

    static final List<String> ADDED = List.of("loggedAt", "position", "aggregateIndex", "payloadSha256", "prevHash",
            "hash", "aggregatePrevHash", "aggregateHash");

    private ChainFields() {
    }

    /** Removes the chain fields, keeping loggedAt (the time it was first stored). */
    static void strip(Map<String, Object> record) {
        ADDED.stream().filter(f -> !f.equals("loggedAt")).forEach(record::remove);
    }
}
