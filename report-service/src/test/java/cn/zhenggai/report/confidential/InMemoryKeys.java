package cn.zhenggai.report.confidential;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Keys in memory, for tests without a database. */
public class InMemoryKeys implements PersonalKeys {

    private final Map<String, Key> keys = new HashMap<>();
    private final Map<String, Integer> shredded = new HashMap<>();

    @Override
    public synchronized Key current(String person) {
        return keys.computeIfAbsent(person, p -> {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return new Key(shredded.getOrDefault(p, 0) + 1, secret);
        });
    }

    @Override
    public synchronized Optional<byte[]> find(String person, int version) {
        Key key = keys.get(person);
        return key != null && key.version() == version ? Optional.of(key.secret()) : Optional.empty();
    }

    @Override
    public synchronized int shred(String person) {
        Key key = keys.remove(person);
        if (key == null) {
            return 0;
        }
        shredded.put(person, key.version());
        return 1;
    }
}
