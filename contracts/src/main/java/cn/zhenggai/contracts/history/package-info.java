/** Effective dates of events that state past facts: backdating and migration of historical ledgers (ADR 0090). */
package cn.zhenggai.contracts.history;
