package io.tongbao.common.feign;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import feign.Capability;
import feign.Client;
import feign.Request;
import io.tongbao.common.error.ServiceUnreachableException;

/**
 * A Feign call whose connection cannot be made (refused, connect timeout, unknown host, no route) fails with a
 * {@link ServiceUnreachableException}, which the caller answers 503 SERVICE_UNAVAILABLE, instead of Feign's
 * RetryableException, which would be a bare 500. Nothing is retried here. A failure after the connection was made
 * (a read timeout, a connection closed mid-answer) stays as it was: the other service may have acted on it.
 */
public class UnreachableServiceCapability implements Capability {

    private static final Logger log = LoggerFactory.getLogger(UnreachableServiceCapability.class);

    @Override
    public Client enrich(Client client) {
        return (request, options) -> {
            try {
                return client.execute(request, options);
            } catch (IOException e) {
                if (!isConnectFailure(e)) {
                    throw e;
                }
                String service = serviceOf(request);
                log.warn("{} {} could not be reached: {}", request.httpMethod(), service, e.toString());
                throw new ServiceUnreachableException(service, e);
            }
        };
    }

    /** The connection was never made, so the request was never sent. */
    static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
            // HttpURLConnection (Feign's default client) tells a connect timeout from a read timeout only by message
            if (t instanceof SocketTimeoutException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).startsWith("connect timed out")) {
                return true;
            }
        }
        return false;
    }

    private static String serviceOf(Request request) {
        if (request.requestTemplate() != null && request.requestTemplate().feignTarget() != null) {
            return request.requestTemplate().feignTarget().name();
        }
        try {
            return URI.create(request.url()).getHost();
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }
}
