package io.tongbao.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Generates the local stack's RSA-2048 key pairs at first start, never later: base64 PKCS#8 private keys and X.509
 * public keys, as the Alipay SDK and the sandbox read them. Arguments: dir name... (files name-private-key.pk8.b64
 * and name-public-key.x509.b64, readable by the owner only). Local only: real keys come from the environment.
 */
public final class KeysMain {

    private KeysMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (int i = 1; i < args.length; i++) {
            Path privateKey = dir.resolve(args[i] + "-private-key.pk8.b64");
            Path publicKey = dir.resolve(args[i] + "-public-key.x509.b64");
            if (Files.exists(privateKey) && Files.exists(publicKey)) {
                continue;
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            write(privateKey, pair.getPrivate().getEncoded());
            write(publicKey, pair.getPublic().getEncoded());
            System.out.println("Generated the " + args[i] + " key pair in " + dir);
        }
    }

    private static void write(Path file, byte[] der) throws Exception {
        Files.writeString(file, Base64.getEncoder().encodeToString(der), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
