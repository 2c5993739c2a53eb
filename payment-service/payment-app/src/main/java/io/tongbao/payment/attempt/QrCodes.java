package io.tongbao.payment.attempt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

/**
 * Renders a QR code as a PNG data URI for the Payment's {@code qrCode}. The PNG is written directly as a 1-bit
 * grayscale image (one deflated scanline per row): through {@code javax.imageio} and an RGB image it was the largest
 * single cost of creating a payment (docs/benchmarks.md).
 */
final class QrCodes {

    private static final int SIZE = 256;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private QrCodes() {
    }

    static String pngDataUri(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.CHARACTER_SET, "UTF-8"));
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(matrix));
        } catch (WriterException e) {
            throw new IllegalStateException("Could not render a QR code", e);
        }
    }

    /** A set module is black (0), an unset one white (1), as a 1-bit grayscale PNG. */
    static byte[] png(BitMatrix matrix) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        int rowBytes = (width + 7) / 8;
        byte[] scanlines = new byte[height * (rowBytes + 1)];
        for (int y = 0; y < height; y++) {
            int row = y * (rowBytes + 1); // its first byte is the filter type: 0, none
            for (int x = 0; x < width; x++) {
                if (!matrix.get(x, y)) {
                    scanlines[row + 1 + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(2048);
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", deflate(scanlines));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
