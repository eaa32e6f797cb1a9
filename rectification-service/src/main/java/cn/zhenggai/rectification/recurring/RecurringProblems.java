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
 * from what the reports said, so a new threshold and a replay recompute it. A planned item's flags are computed
 * from scratch against the earlier years, and every later-year item of the same cadre or department keeps, per
 * problem, the better of its match and the new item's (ties broken by ids): the result is the best match over all
 * earlier items whatever order they arrive in, and a redelivery changes nothing.
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

    /**
     * After an item was planned: check it against the earlier years, and check every later-year item of the same
     * cadre or department against it (keeping, per problem, the better of its current and the new match).
     */
    public void onPlanned(String measureId) {
        Document item = ledger.find(Filters.eq("_id", measureId)).first();
        if (item == null || item.getInteger("year") == null) {
            return;
        }
        check(item);
        List<Document> problems = problemsOf(item);
        if (problems.isEmpty()) {
            return;
        }
        List<Set<String>> grams = problems.stream().map(p -> ProblemSimilarity.bigrams(p.getString("statement")))
                .toList();
        for (Document later : ledger.find(Filters.and(Filters.gt("year", item.getInteger("year")), peers(item)))
                .projection(Projections.include("year", "author", "problems", "recurrences"))) {
            List<Document> recurrences = new ArrayList<>(recurrencesOf(later));
            boolean changed = false;
            for (Document laterProblem : problemsOf(later)) {
                Set<String> laterGrams = ProblemSimilarity.bigrams(laterProblem.getString("statement"));
                int at = indexOf(recurrences, laterProblem.getString("problemId"));
                Document best = at < 0 ? null : recurrences.get(at);
                for (int i = 0; i < problems.size(); i++) {
                    double score = ProblemSimilarity.jaccard(laterGrams, grams.get(i));
                    if (better(score, item, problems.get(i), best)) {
                        best = recurrence(later, laterProblem, item, problems.get(i), score);
                    }
                }
                if (best != null && (at < 0 || best != recurrences.get(at))) {
                    if (at < 0) {
                        recurrences.add(best);
                    } else {
                        recurrences.set(at, best);
                    }
                    changed = true;
                }
            }
            if (changed) {
                ledger.updateOne(Filters.eq("_id", later.getString("_id")), Updates.combine(
                        Updates.set("recurring", true), Updates.set("recurrences", recurrences)));
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
        List<Set<String>> grams = problems.stream().map(p -> ProblemSimilarity.bigrams(p.getString("statement")))
                .toList();
        Document[] best = new Document[problems.size()];
        for (Document other : earlier) {
            for (Document otherProblem : problemsOf(other)) {
                Set<String> otherGrams = ProblemSimilarity.bigrams(otherProblem.getString("statement"));
                for (int i = 0; i < problems.size(); i++) {
                    double score = ProblemSimilarity.jaccard(grams.get(i), otherGrams);
                    if (better(score, other, otherProblem, best[i])) {
                        best[i] = recurrence(item, problems.get(i), other, otherProblem, score);
                    }
                }
            }
        }
        List<Document> recurrences = new ArrayList<>();
        for (Document b : best) {
            if (b != null) {
                recurrences.add(b);
            }
        }
        ledger.updateOne(Filters.eq("_id", item.getString("_id")), Updates.combine(
                Updates.set("recurring", !recurrences.isEmpty()), Updates.set("recurrences", recurrences)));
    }

    /**
     * Whether a match of {@code score} with {@code earlierProblem} of {@code earlier} beats {@code current}: a higher
     * similarity, or the same one with a smaller earlier item and problem id (so the result does not depend on
     * the order items arrive in).
     */
    private boolean better(double score, Document earlier, Document earlierProblem, Document current) {
        if (score < threshold) {
            return false;
        }
        double rounded = round(score);
        if (current == null) {
            return true;
        }
        double currentScore = current.getDouble("similarity");
        if (rounded != currentScore) {
            return rounded > currentScore;
        }
        String key = earlier.getString("_id") + "\u0000" + earlierProblem.getString("problemId");
        String currentKey = current.getString("earlierMeasureId") + "\u0000" + current.getString("earlierProblemId");
        return key.compareTo(currentKey) < 0;
    }

    private static Document recurrence(Document item, Document problem, Document earlier, Document earlierProblem,
                                       double score) {
        return new Document("problemId", problem.getString("problemId"))
                .append("statement", problem.getString("statement"))
                .append("theme", problem.getString("theme"))
                .append("earlierMeasureId", earlier.getString("_id"))
                .append("earlierProblemId", earlierProblem.getString("problemId"))
                .append("earlierYear", earlier.getInteger("year"))
                .append("earlierStatement", earlierProblem.getString("statement"))
                .append("sameAuthor", same(item.getString("author"), earlier.getString("author")))
                .append("similarity", round(score));
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    private static int indexOf(List<Document> recurrences, String problemId) {
        for (int i = 0; i < recurrences.size(); i++) {
            if (problemId != null && problemId.equals(recurrences.get(i).getString("problemId"))) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> recurrencesOf(Document item) {
        return item.get("recurrences") instanceof List<?> l ? (List<Document>) l : List.of();
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
