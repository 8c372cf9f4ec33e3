package dm20.protocol.queue;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk write of an entry's text ({@link ChronicleWriter.Utf8Text}) against what the writer did before, Chronicle's
 * {@code writeUtf8(new String(json, UTF_8))}: the same bytes on disk and the same text read back, for ASCII, every
 * UTF-8 length, characters outside the BMP, lengths that need 1, 2 and 3 stop-bit bytes, and malformed input.
 */
class ChronicleWriterTest {

    @TempDir
    Path dir;

    private static List<byte[]> inputs() {
        List<byte[]> in = new ArrayList<>();
        for (String s : List.of("", "{\"type\":\"action_submitted\",\"text\":\"I search the room for traps\"}",
                "caf\u00e9 cr\u00e8me", "em \u2014 dash, \u20ac, \u65e5\u672c\u8a9e", "dragon \uD83D\uDC09 and \uD83C\uDFB2",
                "nul \u0000 inside", "\u007f\u0080\u07ff\u0800\uffff", "a".repeat(127), "b".repeat(128),
                "c".repeat(200), "\u00e9".repeat(100), "d".repeat(16_383), "e".repeat(20_000),
                "x\uD83D\uDE00".repeat(3_000))) {
            in.add(s.getBytes(StandardCharsets.UTF_8));
        }
        in.add(new byte[]{'a', (byte) 0xC3});                               // cut short
        in.add(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80, 'z'});     // an encoded lone surrogate
        in.add(new byte[]{(byte) 0xF0, (byte) 0x9F, 'q'});                  // a 4-byte sequence cut short
        in.add(new byte[]{(byte) 0xFF, (byte) 0xFE, '{', '}'});             // bytes UTF-8 never has
        return in;
    }

    @Test
    void utf8Text_everyInput_sameBytesOnDiskAndSameTextAsChroniclesWriteUtf8() {
        List<byte[]> in = inputs();
        List<byte[]> before = write("before", in, (bytes, json) -> bytes.writeUtf8(new String(json, StandardCharsets.UTF_8)));
        List<byte[]> after = write("after", in,
                (bytes, json) -> ChronicleWriter.Utf8Text.write(bytes, ChronicleWriter.Utf8Text.chronicleBytes(json)));

        assertThat(after).hasSameSizeAs(in);
        for (int i = 0; i < in.size(); i++) {
            assertThat(after.get(i)).as("entry %d", i).isEqualTo(before.get(i));
        }
        assertThat(readTexts("after")).isEqualTo(readTexts("before"))
                .isEqualTo(in.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
    }

    @Test
    void utf8Text_asciiInput_isStoredWithoutACopy() {
        byte[] ascii = "{\"type\":\"narrative_posted\"}".getBytes(StandardCharsets.US_ASCII);

        assertThat(ChronicleWriter.Utf8Text.chronicleBytes(ascii)).isSameAs(ascii);
    }

    @Test
    void auditLog_appendBytes_sameLinesAsTheStringItDecodesTo() throws Exception {
        Path bytesFile = dir.resolve("bytes.jsonl");
        Path textFile = dir.resolve("text.jsonl");
        try (AuditLog bytes = new AuditLog(bytesFile); AuditLog text = new AuditLog(textFile)) {
            for (byte[] json : inputs()) {
                bytes.append(ChronicleWriter.Utf8Text.chronicleBytes(json));
                text.append(new String(json, StandardCharsets.UTF_8));
            }
        }

        assertThat(Files.readAllBytes(bytesFile)).isEqualTo(Files.readAllBytes(textFile));
        assertThat(Files.readAllLines(bytesFile, StandardCharsets.UTF_8)).hasSize(inputs().size());
    }

    /** Writes each input as one entry of a fresh queue; returns each entry's raw bytes as stored. */
    private List<byte[]> write(String name, List<byte[]> in, BiConsumer<Bytes<?>, byte[]> writer) {
        try (ChronicleQueue q = SingleChronicleQueueBuilder.binary(dir.resolve(name)).build();
             ExcerptAppender a = q.createAppender()) {
            for (byte[] json : in) {
                try (DocumentContext dc = a.writingDocument()) {
                    writer.accept(dc.wire().bytes(), json);
                }
            }
        }
        return readAll(name, b -> {
            byte[] copy = new byte[(int) b.readRemaining()];
            b.read(copy);
            return copy;
        });
    }

    private List<String> readTexts(String name) {
        return readAll(name, Bytes::readUtf8);
    }

    /** Every entry of the queue {@code name}, in order, read by {@code read}. */
    private <T> List<T> readAll(String name, Function<Bytes<?>, T> read) {
        List<T> out = new ArrayList<>();
        try (ChronicleQueue q = SingleChronicleQueueBuilder.binary(dir.resolve(name)).build();
             ExcerptTailer t = q.createTailer()) {
            while (true) {
                try (DocumentContext dc = t.readingDocument()) {
                    if (!dc.isPresent()) {
                        return out;
                    }
                    out.add(read.apply(dc.wire().bytes()));
                }
            }
        }
    }
}
