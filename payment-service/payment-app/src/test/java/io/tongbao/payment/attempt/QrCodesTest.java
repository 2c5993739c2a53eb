package io.tongbao.payment.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class QrCodesTest {

    @Test
    void aQrCodeReaderReadsTheContentBackFromTheDataUri() throws Exception {
        String content = "https://qr.alipay.com/bax0" + System.nanoTime();
        String uri = QrCodes.pngDataUri(content);
        assertThat(uri).startsWith("data:image/png;base64,");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()))));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(read).isEqualTo(content);
    }

    @Test
    void everyPixelIsBlackExactlyWhereTheMatrixIsSet() throws Exception {
        BitMatrix matrix = new BitMatrix(13, 5);
        matrix.set(0, 0);
        matrix.set(7, 1);
        matrix.set(8, 1);
        matrix.set(12, 4);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(matrix)));
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 13; x++) {
                boolean black = (image.getRGB(x, y) & 0xFFFFFF) == 0;
                assertThat(black).as("pixel %d,%d", x, y).isEqualTo(matrix.get(x, y));
            }
        }
    }
}
