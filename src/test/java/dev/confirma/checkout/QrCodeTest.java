package dev.confirma.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's QR codes decode, with ZXing's reader, back to exactly the EIP-681 URI they were made of. */
class QrCodeTest {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final int SCALE = 4;

    @Test
    void shouldDecodeBackToTheUriOfANativePayment() {
        String uri = "ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@42220?value=18417636363636363637";
        assertEquals(uri, decode(QrCode.svg(uri, "caption")));
    }

    @Test
    void shouldDecodeBackToTheUriOfATokenTransfer() {
        String uri = "ethereum:0x765DE816845861e75A25fCA122bb6898B8B1282a@42220/transfer"
                + "?address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed&uint256=9379351851851851852";
        assertEquals(uri, decode(QrCode.svg(uri, "caption")));
    }

    @Test
    void shouldKeepAQuietZoneAndNameItsCaption() {
        String svg = QrCode.svg("ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@1?value=1", "qr-caption-\"x\"");
        assertTrue(svg.contains("aria-labelledby=\"qr-caption-&quot;x&quot;\""), svg);
        Matcher modules = MODULE.matcher(svg);
        int minX = Integer.MAX_VALUE;
        while (modules.find()) {
            minX = Math.min(minX, Integer.parseInt(modules.group(1)));
        }
        assertEquals(4, minX, "four white modules before the first dark one");
    }

    /** Rasterises the SVG's unit squares and reads the image as a phone camera app would. */
    static String decode(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        assertTrue(box.find(), svg);
        int width = Integer.parseInt(box.group(1)) * SCALE;
        int height = Integer.parseInt(box.group(2)) * SCALE;
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher modules = MODULE.matcher(svg);
        while (modules.find()) {
            int x = Integer.parseInt(modules.group(1)) * SCALE;
            int y = Integer.parseInt(modules.group(2)) * SCALE;
            for (int dy = 0; dy < SCALE; dy++) {
                Arrays.fill(pixels, (y + dy) * width + x, (y + dy) * width + x + SCALE, 0xFF000000);
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("not a readable QR code: " + e, e);
        }
    }
}
