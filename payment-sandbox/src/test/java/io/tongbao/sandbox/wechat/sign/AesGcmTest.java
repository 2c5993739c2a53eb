package io.tongbao.sandbox.wechat.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.wechat.pay.java.core.cipher.AeadAesCipher;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private static final String API_V3_KEY = "0123456789abcdefghijABCDEFGHIJ01";
    private static final String PLAINTEXT = "{\"out_trade_no\":\"a/b\",\"trade_state\":\"SUCCESS\",\"x\":\"中文\"}";

    @Test
    void theSdksCipherDecryptsWhatItEncrypts() {
        String ciphertext = AesGcm.encrypt(API_V3_KEY, "fdasflkja484", "transaction",
                PLAINTEXT.getBytes(StandardCharsets.UTF_8));

        String decrypted = new AeadAesCipher(API_V3_KEY.getBytes(StandardCharsets.UTF_8)).decrypt(
                "transaction".getBytes(StandardCharsets.UTF_8), "fdasflkja484".getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(ciphertext));

        assertThat(decrypted).isEqualTo(PLAINTEXT);
    }

    @Test
    void ciphertextCarriesTheSixteenByteTag() {
        String ciphertext = AesGcm.encrypt(API_V3_KEY, "fdasflkja484", "", new byte[10]);

        assertThat(Base64.getDecoder().decode(ciphertext)).hasSize(26);
    }

    @Test
    void anotherAssociatedDataOrKeyFailsToDecrypt() {
        String ciphertext = AesGcm.encrypt(API_V3_KEY, "fdasflkja484", "transaction",
                PLAINTEXT.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AesGcm.decrypt(API_V3_KEY, "fdasflkja484", "refund", ciphertext))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> AesGcm.decrypt("X123456789abcdefghijABCDEFGHIJ01", "fdasflkja484", "transaction",
                ciphertext)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void refusesAKeyThatIsNot32Bytes() {
        assertThatThrownBy(() -> AesGcm.encrypt("short", "fdasflkja484", "", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
