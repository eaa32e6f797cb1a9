package cn.zhenggai.gateway.directory;

import cn.zhenggai.contracts.directory.RevokedUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;

/**
 * The directory's record: its outbox and publisher (ADR 0078), role grants (ADR 0079) and the users whose earlier
 * tokens the gateway refuses (ADR 0080), rebuilt on start from the outbox's recent revoking events.
 */
@Configuration
public class DirectoryConfig {

    private static final Logger log = LoggerFactory.getLogger(DirectoryConfig.class);
    /** Tokens are checked against revocations for their lifetime plus this much clock skew. */
    static final Duration SKEW = Duration.ofMinutes(2);

    @Bean
    RevokedUsers revokedUsers(@Value("${zhenggai.security.access-token-ttl:PT15M}") Duration accessTtl, Clock clock) {
        return new RevokedUsers(accessTtl.plus(SKEW), clock);
    }

    @Bean
    DirectoryOutbox directoryOutbox(DirectorySchema created, JdbcTemplate jdbc,
                                    @Value("${zhenggai.database.schema:gateway}") String schema, Clock clock,
                                    RevokedUsers revoked,
                                    @Value("${zhenggai.security.access-token-ttl:PT15M}") Duration accessTtl) {
        DirectoryOutbox outbox = new DirectoryOutbox(jdbc, schema, clock, revoked);
        int replayed = outbox.replayRevocations(clock.instant().minus(accessTtl.plus(SKEW)));
        if (replayed > 0) {
            log.info("{} recent revocation(s) of access tokens restored from the directory outbox", replayed);
        }
        return outbox;
    }

    @Bean
    RoleGrants roleGrants(DirectorySchema created, JdbcTemplate jdbc,
                          @Value("${zhenggai.database.schema:gateway}") String schema) {
        return new RoleGrants(jdbc, schema);
    }

    /** Off in tests without Kafka ({@code zhenggai.directory.publish=false}): the outbox then keeps everything. */
    @Bean
    @ConditionalOnProperty(name = "zhenggai.directory.publish", havingValue = "true", matchIfMissing = true)
    DirectoryPublisher directoryPublisher(DirectoryOutbox outbox,
                                          @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") String servers,
                                          @Value("${zhenggai.directory.ack-timeout:PT10S}") Duration ackTimeout,
                                          Clock clock) {
        return new DirectoryPublisher(outbox, servers, ackTimeout, clock);
    }

    @Bean
    RevocationHousekeeping revocationHousekeeping(RevokedUsers revoked) {
        return new RevocationHousekeeping(revoked);
    }

    /** Forgets revocations older than any unexpired token. */
    static final class RevocationHousekeeping {
        private final RevokedUsers revoked;

        RevocationHousekeeping(RevokedUsers revoked) {
            this.revoked = revoked;
        }

        @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
        void forgetOld() {
            revoked.forgetOld();
        }
    }
}
