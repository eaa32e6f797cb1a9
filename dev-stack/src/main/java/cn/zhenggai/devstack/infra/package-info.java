/**
 * The servers the Zhenggai services need, on one machine, without an install step and without Spring:
 * {@link cn.zhenggai.devstack.infra.EmbeddedPostgres} (real PostgreSQL 14 binaries, a local process),
 * {@link cn.zhenggai.devstack.infra.EmbeddedKafka} (Apache Kafka's KRaft broker in this JVM) and
 * {@link cn.zhenggai.devstack.infra.EmbeddedMongo} (a MongoDB-compatible store in this JVM), each bound to
 * 127.0.0.1 only, composed by {@link cn.zhenggai.devstack.infra.EmbeddedInfrastructure}.
 */
package cn.zhenggai.devstack.infra;
