package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.ProgressReported;

import java.util.List;

/** The evidence files stored for an item, as a progress report references them by id. */
public interface EvidenceCatalog {

    /**
     * The stored files {@code fileIds} of item {@code measureId}, in the given order; refuses (INVALID,
     * {@code UNKNOWN_EVIDENCE}) an id that is not a file stored for this item.
     */
    List<ProgressReported.Evidence> resolve(String measureId, List<String> fileIds);
}
