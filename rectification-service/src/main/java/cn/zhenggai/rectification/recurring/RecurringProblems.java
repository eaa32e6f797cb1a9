package cn.zhenggai.rectification.recurring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recurring problems (年年提) in the ledger read model: a problem of an item repeats a problem of an item from an
 * earlier year of the same cadre (author) or the same department when their {@link ProblemSimilarity} reaches the
 * threshold ({@code zhenggai.recurring.threshold}). Decided in the projection (ADR 0040): the judgement is derived
 * from what the reports said, so a new threshold and a replay recompute it. Each check recomputes an item's
 * flags from scratch, so it is idempotent and does not depend on the order in which items arrive: a planned
 * item is checked against earlier years, and every later-year item of the same cadre or department is checked
 * again.
 */
public final class RecurringProblems {

    /** Default threshold: near-duplicates score 0.6–0.9, different problems of the same style below 0.3. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final MongoCollection<Document> ledger;
    private final double threshold;

    public RecurringProblems(MongoCollection<Document> ledger, double threshold) {
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("zhenggai.recurring.threshold must be in (0, 1]: " + threshold);
        }
        this.ledger = ledger;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** After an item was planned: check it, and every later-year item of the same cadre or department. */
    public void onPlanned(String measureId) {
        Document item = ledger.find(Filters.eq("_id", measureId)).first();
        if (item == null || item.getInteger("year") == null) {
            return;
        }
        check(item);
        for (Document later : ledger.find(Filters.and(Filters.gt("year", item.getInteger("year")),
                peers(item))).projection(Projections.include("_id"))) {
            Document full = ledger.find(Filters.eq("_id", later.getString("_id"))).first();
            if (full != null) {
                check(full);
            }
        }
    }

    /** Recomputes the recurring flags of one item against all earlier-year items of its cadre or department. */
    void check(Document item) {
        Integer year = item.getInteger("year");
        List<Document> problems = problemsOf(item);
        if (year == null || problems.isEmpty()) {
            return;
        }
        List<Document> earlier = new ArrayList<>();
        ledger.find(Filters.and(Filters.lt("year", year), peers(item), Filters.ne("_id", item.getString("_id"))))
                .projection(Projections.include("year", "author", "problems")).into(earlier);
        List<Document> recurrences = new ArrayList<>();
        for (Document problem : problems) {
            Set<String> grams = ProblemSimilarity.bigrams(problem.getString("statement"));
            Document best = null;
            double bestScore = 0.0;
            for (Document other : earlier) {
                for (Document otherProblem : problemsOf(other)) {
                    double score = ProblemSimilarity.jaccard(grams,
                            ProblemSimilarity.bigrams(otherProblem.getString("statement")));
                    if (score >= threshold && score > bestScore) {
                        bestScore = score;
                        best = new Document("problemId", problem.getString("problemId"))
                                .append("statement", problem.getString("statement"))
                                .append("theme", problem.getString("theme"))
                                .append("earlierMeasureId", other.getString("_id"))
                                .append("earlierProblemId", otherProblem.getString("problemId"))
                                .append("earlierYear", other.getInteger("year"))
                                .append("earlierStatement", otherProblem.getString("statement"))
                                .append("sameAuthor", same(item.getString("author"), other.getString("author")))
                                .append("similarity", Math.round(score * 1000) / 1000.0);
                    }
                }
            }
            if (best != null) {
                recurrences.add(best);
            }
        }
        ledger.updateOne(Filters.eq("_id", item.getString("_id")), Updates.combine(
                Updates.set("recurring", !recurrences.isEmpty()), Updates.set("recurrences", recurrences)));
    }

    private static Bson peers(Document item) {
        List<Bson> or = new ArrayList<>();
        if (item.getString("author") != null) {
            or.add(Filters.eq("author", item.getString("author")));
        }
        if (item.getString("reportDepartment") != null) {
            or.add(Filters.eq("reportDepartment", item.getString("reportDepartment")));
        }
        return or.isEmpty() ? Filters.eq("_id", "\u0000none") : Filters.or(or);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> problemsOf(Document item) {
        Object problems = item.get("problems");
        return problems instanceof List<?> list ? (List<Document>) list : List.of();
    }

    private static boolean same(String a, String b) {
        return a != null && a.equals(b);
    }
}
