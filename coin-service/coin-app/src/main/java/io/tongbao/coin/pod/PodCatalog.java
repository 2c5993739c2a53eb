package io.tongbao.coin.pod;

import org.springframework.stereotype.Component;

import io.tongbao.common.error.ApiException;

/** The coin packs other features may sell. */
@Component
public class PodCatalog {

    private final PodMapper pods;

    PodCatalog(PodMapper pods) {
        this.pods = pods;
    }

    /** A pod on sale, or 404 POD_NOT_FOUND. */
    public Pod onSale(long podId) {
        Pod pod = pods.selectById(podId);
        if (pod == null || !"ON_SALE".equals(pod.getStatus())) {
            throw ApiException.notFound("POD_NOT_FOUND", "No coin pack " + podId + " on sale");
        }
        return pod;
    }
}
