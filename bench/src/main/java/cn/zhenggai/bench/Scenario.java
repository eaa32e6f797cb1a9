package cn.zhenggai.bench;

import cn.zhenggai.outline.KindsBenchmark;
import cn.zhenggai.outline.OcrBenchmark;

import java.util.Locale;

/**
 * The benchmarks of {@code ./zhenggai bench}, one per scenario: {@code --scenario NAME} runs one (without it:
 * {@link #DEFAULT}), {@code --list} names them with one line each. Each gets the command line as given.
 */
enum Scenario {

    DEFAULT("default", "the embedded stack: ready time, memory, IdentifyProblem commands/s at 1/16/64 clients with "
            + "freshness, PostgreSQL and Kafka ceilings, outline imports", Bench::stack),
    GATEWAY("gateway", "the gateway's cost: the same GET via the gateway and direct, throughput, logins/s",
            GatewayBench::main),
    CHAOS("chaos", "faults under load: each service killed, PostgreSQL and Mongo restarted, Kafka stopped; "
            + "every accepted command exactly once",
            ChaosBench::main),
    HISTORY("history", "audit time travel and replay at 10k/50k/200k events in this JVM, then the history migration",
            HistoryBench::main),
    PARSE("parse", "outline parse time of one file in this JVM (--file FILE, --runs 500, --warmup 200)",
            ParseBench::run),
    PARSE_KINDS("parse-kinds", "outline parse time of the sample as .txt, .docx, .doc, text PDF and one scanned page",
            args -> {
                Bench.quietLogging();
                KindsBenchmark.run(ParseBench.positional(args));
            }),
    OCR("ocr", "OCR engines (RapidOCR, Tesseract if installed) on the scanned fixtures: time and accuracy",
            args -> OcrBenchmark.run(ParseBench.positional(args))),
    LEDGER("ledger", "the ledger overview query over 8,000 items and the .xlsx export of 1,000 rows, in this JVM",
            LedgerBench::run),
    AUDIT("audit", "the audit log in this JVM: append rates, time travel, replay and chain verification",
            AuditBench::run);

    /** A scenario's entry: the command line as given to {@code ./zhenggai bench}. */
    interface Run {
        void run(String[] args) throws Exception;
    }

    private final String label;
    private final String summary;
    private final Run run;

    Scenario(String label, String summary, Run run) {
        this.label = label;
        this.summary = summary;
        this.run = run;
    }

    String label() {
        return label;
    }

    String summary() {
        return summary;
    }

    void run(String[] args) throws Exception {
        run.run(args);
    }

    /** The scenario called {@code label}, or null. */
    static Scenario named(String label) {
        for (Scenario scenario : values()) {
            if (scenario.label.equals(label)) {
                return scenario;
            }
        }
        return null;
    }

    /** One line per scenario: its name, then what it measures. */
    static String list() {
        StringBuilder lines = new StringBuilder();
        for (Scenario scenario : values()) {
            lines.append(String.format(Locale.ROOT, "%-12s %s%n", scenario.label, scenario.summary));
        }
        return lines.toString();
    }
}
