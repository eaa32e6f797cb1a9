package cn.zhenggai.audit.integrity;

/**
 * The answer of {@code GET /api/audit/verify}: whether both chains hold, how many records were checked, how many
 * problems were found, the first of them in position order (null when none) and the chain head checked against.
 */
public record Verification(boolean ok, long checked, long problems, ChainVerifier.Broken firstBroken,
                           ChainHead head) {

    static Verification of(ChainVerifier.Result result) {
        return new Verification(result.ok(), result.checked(), result.problems(), result.firstBroken(),
                new ChainHead(result.headPosition(), result.headHash()));
    }
}
