package cn.zhenggai.rectification.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.List;

/** Domain gauges from the ledger: {@code zhenggai_measures{state="open"|"overdue"|"closed"}} (DESIGN §4.6). */
@Component
class LedgerMetrics {

    LedgerMetrics(MongoDatabase database, MeterRegistry registry) {
        MongoCollection<Document> ledger = database.getCollection(LedgerProjection.COLLECTION);
        Bson closed = Filters.in("status", List.of(LedgerProjection.COMPLETED, LedgerProjection.VERIFIED));
        gauge(registry, ledger, "open", Filters.nin("status",
                List.of(LedgerProjection.COMPLETED, LedgerProjection.VERIFIED)));
        gauge(registry, ledger, "overdue", Filters.and(Filters.eq("overdue", true), Filters.nin("status",
                List.of(LedgerProjection.COMPLETED, LedgerProjection.VERIFIED))));
        gauge(registry, ledger, "closed", closed);
    }

    private static void gauge(MeterRegistry registry, MongoCollection<Document> ledger, String state, Bson filter) {
        Gauge.builder("zhenggai.measures", ledger, c -> {
                    try {
                        return c.countDocuments(filter);
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Rectification items by state, from the ledger read model")
                .tag("state", state)
                .register(registry);
    }
}
