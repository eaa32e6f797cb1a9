/**
 * The servers the Zhenggai services need, on one machine, without an install step and without Spring:
 * {@link cn.zhenggai.launcher.infra.EmbeddedPostgres} (real PostgreSQL 14 binaries, a local process),
 * {@link cn.zhenggai.launcher.infra.EmbeddedKafka} (Apache Kafka's KRaft broker in this JVM) and
 * {@link cn.zhenggai.launcher.infra.EmbeddedMongo} (a MongoDB-compatible store in this JVM), each bound to
 * 127.0.0.1 only, composed by {@link cn.zhenggai.launcher.infra.EmbeddedInfrastructure}.
 */
package cn.zhenggai.launcher.infra;
