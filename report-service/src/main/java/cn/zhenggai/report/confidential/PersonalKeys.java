package cn.zhenggai.report.confidential;

import java.util.Optional;

/**
 * Per-person keys that seal personal matters declarations. Kept outside the event store: deleting a person's
 * keys (crypto-shredding) leaves their declarations unreadable and every event still replayable.
 */
public interface PersonalKeys {

    /** A key: its version and its 256 bits. */
    record Key(int version, byte[] secret) {
    }

    /** The person's current key, created on first use. */
    Key current(String person);

    /** The given version of the person's key, or empty once it was shredded. */
    Optional<byte[]> find(String person, int version);

    /** Deletes every key of the person; returns how many were deleted. */
    int shred(String person);
}
