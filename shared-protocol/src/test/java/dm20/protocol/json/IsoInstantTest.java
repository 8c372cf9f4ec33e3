package dm20.protocol.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link IsoInstant} against java.time itself: the same text, the same instant, the same exception. */
class IsoInstantTest {

    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long END = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void format_randomInstantsOfEveryYearAndPrecision_isInstantToString() {
        Random random = new Random(20261202);
        for (int i = 0; i < 200_000; i++) {
            Instant t = randomInstant(random, FIRST - 86_400L * 400, END + 86_400L * 400);
            String text = IsoInstant.format(t);
            assertThat(text).as("seed 20261202, case %d", i).isEqualTo(t.toString());
            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(t);
        }
    }

    @Test
    void format_edges_isInstantToString() {
        for (String text : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.000001Z", "2026-11-26T05:00:00Z",
                "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
            Instant t = Instant.parse(text);
            assertThat(IsoInstant.format(t)).isEqualTo(t.toString()).isEqualTo(text);
        }
        assertThat(IsoInstant.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(IsoInstant.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }

    @Test
    void parse_whatJavaTimeParsesDifferentlyOrRefuses_givesItsResultOrItsException() {
        for (String text : List.of("2026-11-26t05:00:00z", "2026-11-26T05:00:00.Z", "2026-11-26T05:00:00.1234567890Z",
                "2026-11-26T24:00:00Z", "2026-11-26T23:59:60Z", "2023-02-29T00:00:00Z", "2024-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-26T05:60:00Z",
                "2026-11-26T05:00:61Z", "2026-11-26T05:00:00+01:00", "2026-11-26T05:00:00.5+01:00",
                "2026-11-26 05:00:00Z", "2026-1-26T05:00:00Z", "2026-11-26T05:00:0xZ", "2026-11-26T05:00:00.1x3Z",
                "+2026-11-26T05:00:00Z", "12026-11-26T05:00:00Z", "2026-11-26T05:00Z", "", "Z", "not a date at all",
                "2026-11-26T05:00:00.-1Z", "2026-11-26T05:00:00.٣Z", "٢٠٢٦-11-26T05:00:00Z")) {
            assertSameAsJavaTime(text);
        }
    }

    @Test
    void parse_randomlyDamagedInstants_givesJavaTimesResultOrItsException() {
        Random random = new Random(7);
        String alphabet = "0123456789-:.TZtz+ x";
        for (int i = 0; i < 50_000; i++) {
            char[] text = randomInstant(random, FIRST, END).toString().toCharArray();
            int damage = 1 + random.nextInt(2);
            for (int d = 0; d < damage; d++) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            assertSameAsJavaTime(new String(text));
        }
    }

    @Test
    void parse_anInvalidDate_throwsJavaTimesException() {
        assertThatThrownBy(() -> IsoInstant.parse("2023-02-29T00:00:00Z"))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
    }

    private static void assertSameAsJavaTime(String text) {
        Throwable expected = catchThrowable(() -> Instant.parse(text));
        if (expected == null) {
            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
        } else {
            assertThatThrownBy(() -> IsoInstant.parse(text)).as(text).isInstanceOf(expected.getClass())
                    .hasMessage(expected.getMessage());
        }
    }

    /** Seconds in [from, to), nanos of each kind java.time prints differently: none, millis, micros, nanos. */
    private static Instant randomInstant(Random random, long from, long to) {
        long seconds = from + (long) (random.nextDouble() * (to - from));
        int nano = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nano);
    }
}
