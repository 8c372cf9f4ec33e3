package dm20.protocol.testing;

import java.io.IOException;
import java.io.InputStream;

/** Reading an HTTP head line by line, for the raw test clients ({@link RawWs}, the relay bench's HTTP client). */
public final class HttpLines {

    private HttpLines() {
    }

    /**
     * The next line of an HTTP head, without its {@code \r\n} (or bare {@code \n}); bytes as Latin-1, as a head is.
     *
     * @throws IOException with {@code whenClosed} if the stream ends before the line does
     */
    public static String read(InputStream in, String whenClosed) throws IOException {
        StringBuilder s = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException(whenClosed);
            }
            if (b == '\n') {
                int n = s.length();
                return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
            }
            s.append((char) b);
        }
    }
}
