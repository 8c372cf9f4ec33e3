package dm20.protocol.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The wire's instants, written and read without java.time's general formatter. Every message carries one, and
 * {@link Instant#parse} and {@link Instant#toString} go through {@code DateTimeFormatter}'s composite printer-parser
 * (a parse context, a field map, a resolver): in the relay it was ≈ 17 % of the outbox thread's CPU per push, most
 * of a message's decode (perf profile, docs/performance.md, sixth pass).
 * <p>
 * Exactly {@link Instant#toString}'s text and exactly {@link Instant#parse}'s result: the usual form
 * ({@code 2026-11-26T05:00:00Z}, a year from 0000 to 9999, a fraction of 1 to 9 digits, an upper-case {@code T} and
 * {@code Z}) is handled here, and anything else — another year, a leap second, {@code 24:00}, lower case, an offset,
 * an invalid date, garbage — goes to java.time itself, with its result or its exception. {@code IsoInstantTest}
 * compares both on many random instants and strings.
 */
final class IsoInstant {

    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years {@code Instant.toString} writes with four digits. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long END_SECOND = 253_402_300_800L;
    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstant() {
    }

    /** {@code t.toString()}. */
    static String format(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return t.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        byte[] b = new byte[30];
        digits(b, 0, date.getYear(), 4);
        b[4] = '-';
        digits(b, 5, date.getMonthValue(), 2);
        b[7] = '-';
        digits(b, 8, date.getDayOfMonth(), 2);
        b[10] = 'T';
        digits(b, 11, secondOfDay / 3600, 2);
        b[13] = ':';
        digits(b, 14, secondOfDay / 60 % 60, 2);
        b[16] = ':';
        digits(b, 17, secondOfDay % 60, 2);
        int n = 19;
        int nano = t.getNano();
        if (nano != 0) {   // as java.time prints it: 3, 6 or 9 digits, as many as needed
            b[n++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(b, n, nano / 1_000_000, 3);
                n += 3;
            } else if (nano % 1_000 == 0) {
                digits(b, n, nano / 1_000, 6);
                n += 6;
            } else {
                digits(b, n, nano, 9);
                n += 9;
            }
        }
        b[n++] = 'Z';
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** {@code Instant.parse(text)}: the same instant, or the same exception. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Instant.parse(text);
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int nano = 0;
        if (length > 20) {   // ".d…dZ": 1 to 9 digits
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1) {
                return Instant.parse(text);
            }
            nano = number(text, 20, fraction);
            for (int i = fraction; i < 9 && nano >= 0; i++) {
                nano *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nano < 0) {
            return Instant.parse(text);
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nano);
    }

    /** The decimal number in {@code text[from, from + count)}, or -1 if any of them is not an ASCII digit. */
    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Writes {@code value} as {@code count} decimal digits, zero-padded, at {@code b[at]}. */
    private static void digits(byte[] b, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
