package io.tongbao.common.seata;

import org.apache.seata.core.context.RootContext;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * Carries the current Seata global transaction id to the callee in the {@code TX_XID} header, where Seata's own
 * web interceptor binds it. Without this, a remote branch joins no global transaction and is never rolled back.
 */
public class SeataXidRequestInterceptor implements RequestInterceptor {

    @Override
    public void apply(RequestTemplate template) {
        String xid = RootContext.getXID();
        if (xid != null && !xid.isEmpty()) {
            template.removeHeader(RootContext.KEY_XID);
            template.header(RootContext.KEY_XID, xid);
        }
    }
}
