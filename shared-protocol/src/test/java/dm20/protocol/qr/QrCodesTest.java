package dm20.protocol.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrCodesTest {

    private final QrCodes qr = new QrCodes(256);

    @Test
    void png_decodesBackToTheLink() throws Exception {
        String link = "http://192.168.1.20:8080/play#9tq2_Wg0sXh1mC4JZ3kB5yVnLcRr8eAu";
        var image = ImageIO.read(new ByteArrayInputStream(qr.png(link)));

        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));

        assertThat(decoded.getText()).isEqualTo(link);
        assertThat(image.getWidth()).isBetween(200, 300);
    }

    @Test
    void dataUrlAndTerminal_haveTheirShapes() {
        assertThat(qr.pngDataUrl("x")).startsWith("data:image/png;base64,iVBOR");
        String term = qr.terminal("http://x/play#abc");
        assertThat(term.lines().toList()).allSatisfy(l -> assertThat(l).hasSize(term.lines().findFirst().orElseThrow().length()));
    }

    @Test
    void tooSmall_isRejected() {
        assertThatThrownBy(() -> new QrCodes(10)).hasMessageContaining("21 pixels");
    }
}
