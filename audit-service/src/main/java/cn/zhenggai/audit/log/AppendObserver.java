package cn.zhenggai.audit.log;

import org.bson.Document;

import java.util.List;

/**
 * Told of every batch the consumer has put into the log (new and already-logged records alike, as delivered, without
 * chain fields), after the log has them and before the offsets are committed: a read model kept current from the
 * log implements it, idempotently. If it throws, the batch is redelivered.
 */
public interface AppendObserver {

    void appended(List<Document> records);
}
