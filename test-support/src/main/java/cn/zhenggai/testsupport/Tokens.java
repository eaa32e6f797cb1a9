package cn.zhenggai.testsupport;

/** Mints the bearer token a {@link TestUser} sends. */
@FunctionalInterface
public interface Tokens {

    String token(TestUser user) throws Exception;
}
