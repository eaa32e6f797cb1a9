package cn.zhenggai.audit.integrity;

/** The chain head: the position of the last record and its chain hash. */
public record ChainHead(long position, String hash) {
}
