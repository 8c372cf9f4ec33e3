package dm20.protocol.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/**
 * Renders a link as a QR code: a black-on-white PNG (4-module quiet zone, error correction M, which phones
 * read reliably off a screen), or text for a terminal. Stateless and thread-safe.
 */
public final class QrCodes {

    private final int pixels;

    /** @param pixels the PNG's approximate width and height */
    public QrCodes(int pixels) {
        if (pixels < 21) {
            throw new IllegalArgumentException("a QR code needs at least 21 pixels, got " + pixels);
        }
        this.pixels = pixels;
    }

    /** The QR code for {@code text} as PNG bytes. */
    public byte[] png(String text) {
        BitMatrix m = matrix(text, pixels, 4);
        BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                image.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return out.toByteArray();
    }

    /** The PNG, base64-encoded (for MCP image content). */
    public String pngBase64(String text) {
        return Base64.getEncoder().encodeToString(png(text));
    }

    /** A {@code data:image/png;base64,…} URL of the PNG (for a page's {@code img}). */
    public String pngDataUrl(String text) {
        return "data:image/png;base64," + pngBase64(text);
    }

    /**
     * The QR code drawn with half-block characters, two modules per line, light modules as ink: it scans
     * from a dark terminal, the usual case.
     */
    public String terminal(String text) {
        BitMatrix m = matrix(text, 0, 2);
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y += 2) {
            for (int x = 0; x < m.getWidth(); x++) {
                boolean top = m.get(x, y);
                boolean bottom = y + 1 < m.getHeight() && m.get(x, y + 1);
                sb.append(top ? (bottom ? ' ' : '▄') : (bottom ? '▀' : '█'));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static BitMatrix matrix(String text, int size, int quietZone) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.MARGIN, quietZone, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of a " + text.length() + "-character text", e);
        }
    }
}
