/**
 * Events of the user directory, published by the gateway on {@link cn.zhenggai.contracts.Topics#DIRECTORY_EVENTS}
 * from its outbox (ADR 0078). Aggregates: {@code User} (id: the user name) and {@code Department} (id: its code),
 * plus {@code RoleGrant} for grants that need a second person (ADR 0079). No event carries a password or its hash.
 */
package cn.zhenggai.contracts.directory;
