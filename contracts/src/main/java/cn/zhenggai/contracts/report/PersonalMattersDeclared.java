package cn.zhenggai.contracts.report;

import org.axonframework.serialization.Revision;

/**
 * A personal matters declaration (个人有关事项说明) was made in a report. Confidential: the declaration itself
 * travels only as {@code ciphertext}, sealed with the key of the person it is about. That key is kept by
 * report-service outside the event store; deleting it (crypto-shredding) makes this event unreadable while every
 * other event still replays. Each declaration replaces the previous one.
 *
 * @param reportId   the report
 * @param department code of the report's department
 * @param person     user name of the person declaring (the report's author); also the key's name
 * @param keyVersion version of the person's key that sealed it
 * @param algorithm  {@code AES-256-GCM}
 * @param nonce      the 96-bit GCM nonce, Base64
 * @param ciphertext the declaration as JSON, encrypted with its authentication tag, Base64
 */
@Revision("1")
public record PersonalMattersDeclared(String reportId,
                                      String department,
                                      String person,
                                      int keyVersion,
                                      String algorithm,
                                      String nonce,
                                      String ciphertext) {
}
