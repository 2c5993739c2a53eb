package io.tongbao.common.seata;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.seata.core.context.RootContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import feign.RequestTemplate;

class SeataXidRequestInterceptorTest {

    private final SeataXidRequestInterceptor interceptor = new SeataXidRequestInterceptor();

    @AfterEach
    void unbindXid() {
        RootContext.unbind();
    }

    @Test
    void sendsTheBoundXidInTheTxXidHeader() {
        RootContext.bind("xid-1");
        RequestTemplate template = new RequestTemplate();

        interceptor.apply(template);

        assertThat(template.headers().get("TX_XID")).containsExactly("xid-1");
    }

    @Test
    void replacesAStaleXidHeader() {
        RootContext.bind("xid-1");
        RequestTemplate template = new RequestTemplate().header("TX_XID", "stale");

        interceptor.apply(template);

        assertThat(template.headers().get("TX_XID")).containsExactly("xid-1");
    }

    @Test
    void addsNoHeaderOutsideAGlobalTransaction() {
        RootContext.bind("xid-1");
        RootContext.unbind();
        RequestTemplate template = new RequestTemplate();

        interceptor.apply(template);

        assertThat(template.headers()).doesNotContainKey("TX_XID");
    }
}
