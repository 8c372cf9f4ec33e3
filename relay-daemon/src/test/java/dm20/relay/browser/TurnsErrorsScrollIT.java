package dm20.relay.browser;

import dm20.protocol.Visibility;
import dm20.protocol.message.InboxMessage;
import dm20.relay.browser.TableScript.SeatKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The player page's turn gating and refusals in words, against the packaged relay: simultaneous prompts
 * (countdown, who is awaited, one answer each), 409 not your turn, 429 rate limit, over-long actions, and the
 * "new messages" pill, in Chromium and in WebKit. One relay and one browser per engine; each test issues its own
 * seats.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
@TableTitle("Thornwood Bridge")
class TurnsErrorsScrollIT extends BrowserTest {

    @Parameter
    Engine engine;

    private static final Duration WAIT = PageTable.WAIT;
    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d\\d) left");

    private static void join(SeatKey seat) throws Exception {
        t.join(seat);
    }

    /** POSTs {@code text} as the seat (an empty text is refused with 400 once the relay knows the seat). */
    private static HttpResponse<String> post(SeatKey seat, String text) throws Exception {
        return t.post(seat, text);
    }

    /** Types an action and presses Enter, as a player does. */
    private static void act(String text) {
        browser.find("#action-text").sendKeys(text, Keys.ENTER);
    }

    private static String box() {
        return (String) browser.js("return document.querySelector('#action-text').value");
    }

    private static String errorNote() {
        return (String) browser.js("var n = document.querySelector('#action-note');"
                + " return !n.hidden && n.classList.contains('err') ? n.textContent : '';");
    }

    private static String untilError(String part) {
        return browser.until(d -> errorNote().contains(part) ? errorNote() : null);
    }

    /** Makes the page believe it may act, so a submit reaches the relay through the page's own send path. */
    private static void openGateLocally() {
        browser.js("dm20.action.setGate({canAct: true, why: ''})");
    }

    private static int secondsLeft() {
        Matcher m = CLOCK.matcher(browser.text("#combat-timer"));
        assertThat(m.find()).as("timer text '%s'", browser.text("#combat-timer")).isTrue();
        return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }

    @Test
    void simultaneous_promptWithDeadline_countsDownAcceptsOneAnswerAndLocksOutOthers() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        SeatKey cat = table.player("Cat (Cyr)");
        try {
            table.simultaneous(List.of(ann, ben, cat), List.of("Ara", "Bor", "Cyr"),
                    "The bridge is collapsing! What do you do?", Instant.now().plusSeconds(90), List.of(ann, ben));
            join(ann);

            browser.untilText("#combat-prompt", "The bridge is collapsing! What do you do?");
            assertThat(browser.text("#combat-waiting")).isEqualTo("Waiting for Ara, Bor");
            assertThat(browser.text("#turn-banner")).contains("YOUR MOVE");
            int first = secondsLeft();
            // The page ticks once a second; on a loaded machine a tick can come late, so wait for the next value
            // (up to 10 s) instead of reading once after 1.1 s. It must be a countdown, not a jump.
            int second = browser.until(d -> {
                int now = secondsLeft();
                return now < first ? now : null;
            });
            assertThat(first).isBetween(80, 90);
            assertThat(second).isBetween(first - 3, first - 1);

            act("I leap for the rope");
            assertThat(table.awaitAction("leap for the rope", WAIT).seatId()).isEqualTo(ann.seatId());
            browser.until(d -> box().isEmpty());
            act("I leap again");
            assertThat(untilError("already answered")).contains("you already answered this round");
            assertThat(box()).as("the refused text stays in the box").isEqualTo("I leap again");

            join(cat);
            browser.untilText("#combat-prompt", "bridge is collapsing");
            assertThat(browser.find("#action-text").getAttribute("disabled")).isNotNull();
            assertThat(browser.find("#send").isEnabled()).isFalse();
            assertThat(browser.find("#action-text").getAttribute("placeholder")).isEqualTo("Waiting for Ara, Bor");
            assertThat(browser.visible("#turn-banner")).isFalse();
            openGateLocally();
            act("Cyr sneaks an answer in");
            assertThat(untilError("not waiting for you")).contains("the DM is not waiting for you this round");
            assertThat(post(ben, "Bor grabs the rail-marker").statusCode()).isEqualTo(202);
            assertThat(table.actionsUntil("rail-marker", WAIT)).extracting(InboxMessage.ActionSubmitted::text)
                    .containsExactly("Bor grabs the rail-marker");
        } finally {
            table.endCombat();
        }
    }

    @Test
    void roundRobin_someoneElsesTurn_inputDisabledAndForcedSubmitShowsRelays409() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        try {
            table.combat(List.of(ben, ann), List.of("Bor", "Ara"), ben, Optional.of(ann));
            join(ann);
            browser.until(d -> browser.find("#action-text").getAttribute("disabled") != null);
            assertThat(browser.text("#action-note")).isEqualTo("Waiting for Bor");

            openGateLocally();
            act("I stab the goblin out of turn");

            assertThat(untilError("waiting for Bor")).isEqualTo("waiting for Bor");
            assertThat(box()).isEqualTo("I stab the goblin out of turn");
            assertThat(post(ben, "Bor swings-marker").statusCode()).isEqualTo(202);
            assertThat(table.actionsUntil("swings-marker", WAIT)).extracting(InboxMessage.ActionSubmitted::text)
                    .doesNotContain("I stab the goblin out of turn");
        } finally {
            table.endCombat();
        }
    }

    @Test
    void rateLimit_21QuickActions_lastRefusedInWordsAndKeptInTheBox() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        join(ann);

        for (int i = 1; i <= 20; i++) {
            act("rapid-" + i);
            browser.until(d -> box().isEmpty() && errorNote().isEmpty() ? Boolean.TRUE : null);
        }
        act("rapid-21");

        assertThat(untilError("Too many actions")).contains("wait");
        assertThat(box()).isEqualTo("rapid-21");
        assertThat(post(ben, "ben-after-flood").statusCode()).isEqualTo(202);
        List<String> queued = table.actionsUntil("ben-after-flood", WAIT).stream()
                .filter(a -> a.seatId().equals(ann.seatId())).map(InboxMessage.ActionSubmitted::text).toList();
        assertThat(queued).hasSize(20).contains("rapid-1", "rapid-20").doesNotContain("rapid-21");
    }

    @Test
    void tooLong_atTheLimitSaysSo_overItIsNotSent_andA413IsShownInWords() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        join(ann);
        var text = browser.find("#action-text");

        browser.js("var t = document.querySelector('#action-text'); t.value = 'a'.repeat(1995);"
                + " t.dispatchEvent(new Event('input'));");
        text.sendKeys("bcdefghij");
        assertThat(box()).hasSize(2000);
        assertThat(browser.text("#action-note")).isEqualTo("Actions are limited to 2000 characters.");

        browser.js("var t = document.querySelector('#action-text'); t.value = 'LONG-' + 'x'.repeat(2100);");
        text.sendKeys(Keys.ENTER);
        assertThat(untilError("too long")).contains("2105 characters", "at most 2000");

        browser.js("var t = document.querySelector('#action-text'); t.value = 'BELL-' + '\\u0007'.repeat(1500);");
        text.sendKeys(Keys.ENTER);
        assertThat(untilError("8192 bytes")).startsWith("That is too long");
        assertThat(box()).startsWith("BELL-");

        browser.js("var t = document.querySelector('#action-text'); t.value = ''; t.dispatchEvent(new Event('input'));");
        act("short-after-long");
        assertThat(table.actionsUntil("short-after-long", WAIT)).extracting(InboxMessage.ActionSubmitted::text)
                .noneMatch(t -> t.startsWith("LONG-") || t.startsWith("BELL-"));
    }

    @Test
    void newMessagesPill_scrolledUp_appearsWithoutJumpingAndClickScrollsToBottom() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        for (int i = 1; i <= 30; i++) {
            table.narrative("fill-" + i + " The wind howls through the broken arches of the old keep.",
                    Visibility.everyone());
        }
        join(ann);
        browser.untilText("#feed", "fill-30");
        browser.until(d -> atBottom() ? Boolean.TRUE : null);
        assertThat(browser.visible("#new-pill")).isFalse();

        // The reader scrolls up with the mouse wheel (only the reader's own scrolling unpins the feed).
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .scrollFromOrigin(org.openqa.selenium.interactions.WheelInput.ScrollOrigin.fromElement(browser.find("#feed")),
                        0, -1500).perform();
        browser.until(d -> Boolean.FALSE.equals(browser.js("return window.dm20.feed.pinned")) ? Boolean.TRUE : null);
        int top = ((Number) browser.js("return document.querySelector('#feed').scrollTop")).intValue();
        table.narrative("late-1 A horn sounds in the distance.", Visibility.everyone());
        table.narrative("late-2 Torches appear on the ridge.", Visibility.everyone());
        browser.untilText("#feed", "late-2");

        browser.until(d -> browser.visible("#new-pill"));
        assertThat(((Number) browser.js("return document.querySelector('#feed').scrollTop")).intValue()).isEqualTo(top);
        assertThat(atBottom()).isFalse();
        browser.find("#new-pill").click();
        browser.until(d -> atBottom() && !browser.visible("#new-pill") ? Boolean.TRUE : null);
    }

    private static boolean atBottom() {
        return Boolean.TRUE.equals(browser.js("var f = document.querySelector('#feed');"
                + " return f.scrollHeight - f.scrollTop - f.clientHeight < 2;"));
    }
}
