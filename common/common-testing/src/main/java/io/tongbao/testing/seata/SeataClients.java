package io.tongbao.testing.seata;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;

/**
 * Reads which coordinators this JVM's Seata TM and RM clients are registered with. Seata keeps the channel map
 * package-private, so this reads it reflectively; it is test support, not product code.
 */
public final class SeataClients {

    private SeataClients() {
    }

    public static boolean tmRegisteredWith(String address) {
        return registered("org.apache.seata.core.rpc.netty.TmNettyRemotingClient", address);
    }

    public static boolean rmRegisteredWith(String address) {
        return registered("org.apache.seata.core.rpc.netty.RmNettyRemotingClient", address);
    }

    /** Waits until both the TM and the RM are registered with the coordinator; false after the timeout. */
    public static boolean awaitRegistered(String address, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (tmRegisteredWith(address) && rmRegisteredWith(address)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean registered(String clientClass, String address) {
        try {
            Object client = Class.forName(clientClass).getMethod("getInstance").invoke(null);
            Object manager = client.getClass().getMethod("getClientChannelManager").invoke(client);
            Method channels = manager.getClass().getDeclaredMethod("getChannels");
            channels.setAccessible(true);
            Map<?, ?> byAddress = (Map<?, ?>) channels.invoke(manager);
            Object channel = byAddress.get(address);
            return channel != null && (boolean) channel.getClass().getMethod("isActive").invoke(channel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read Seata's client channels", e);
        }
    }
}
