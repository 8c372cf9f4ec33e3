package dm20.relay.browser;

import dm20.protocol.Role;
import dm20.protocol.Visibility;
import dm20.relay.browser.TableScript.SeatKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table as a Friday night meets it, against the packaged relay in Chromium: the TV read from a sofa
 * (1920×1080), the feed's pin through combat and the keyboard, the DM's question while typing, turns that
 * time out, simultaneous rounds, actor names, and the phone's tap targets and favicon.
 */
@TableTitle("The Goblin Warrens")
class TableExperienceIT extends BrowserTest {

    @AfterEach
    void phoneAgain() {
        table.endCombat();
        browser.phone();
    }

    private boolean pinned() {
        return Boolean.TRUE.equals(browser.js("var f = document.querySelector('#feed');"
                + " return f.scrollHeight - f.scrollTop - f.clientHeight < 4;"));
    }

    private double px(String css, String property) {
        return Double.parseDouble(((String) browser.js("return getComputedStyle(document.querySelector(arguments[0]))"
                + "[arguments[1]]", css, property)).replace("px", ""));
    }

    @Test
    void tv_at1920_readsLargeWithSceneInitiativeAndLatestRolls() throws Exception {
        SeatKey ann = table.player("Ann (Thorin)");
        SeatKey tv = table.seat(Role.OBSERVER, "Table TV");
        for (int i = 0; i < 8; i++) {
            table.narrative("Earlier scene " + i + ": rain on the watchtower.", Visibility.everyone());
        }
        table.roll("Thorin attacks", 22, Visibility.everyone());
        table.narrative("The floor gives way beneath the goblin! **What do you do?** tv-scene", Visibility.everyone());
        table.combat(List.of(ann), List.of("Thorin Ironfist"), ann, Optional.empty());
        browser.viewport(1920, 1080, false);
        t.join(tv);

        browser.untilText("#feed", "tv-scene");
        browser.until(d -> browser.visible("#combat"));
        assertThat(px("#feed .msg", "fontSize")).isGreaterThanOrEqualTo(26);
        assertThat(px("#feed .msg.latest", "fontSize")).isGreaterThanOrEqualTo(32);
        assertThat(browser.text("#feed .msg.latest")).contains("tv-scene");
        assertThat(px("#feed .msg .meta", "fontSize")).isGreaterThanOrEqualTo(18);
        assertThat(px("#initiative li", "fontSize")).isGreaterThanOrEqualTo(24);
        assertThat(browser.visible("#recent")).isTrue();
        assertThat(browser.text("#recent-rolls")).contains("Thorin attacks: 22");
        // The screen is used: the feed and the side column together span the width.
        Number feedWidth = (Number) browser.js("return document.querySelector('#feed').getBoundingClientRect().width");
        Number sideLeft = (Number) browser.js("return document.querySelector('#combat').getBoundingClientRect().left");
        assertThat(feedWidth.doubleValue()).isGreaterThan(1100);
        assertThat(sideLeft.doubleValue()).isGreaterThan(1200);
        assertThat(pinned()).isTrue();
        browser.screenshot("tv-1920");
    }

    @Test
    void feed_combatStartsAndEndsAndKeyboardOpens_staysPinnedToNewestAndQuestionStaysInView() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        for (int i = 0; i < 30; i++) {
            table.narrative("Filler line " + i + " about wet stone and goblin laughter.", Visibility.everyone());
        }
        table.narrative("A goblin bursts out of the dark. **What do you do?** pin-question", Visibility.everyone());
        t.join(ann);
        browser.untilText("#feed", "pin-question");
        browser.until(d -> pinned());

        table.combat(List.of(ann, ben), List.of("Ara", "Bor"), ann, Optional.of(ben));
        browser.until(d -> browser.visible("#combat"));
        browser.until(d -> browser.visible("#turn-banner"));
        browser.until(d -> pinned() ? Boolean.TRUE : null);
        assertThat(browser.visible("#new-pill")).isFalse();

        table.narrative("The goblin swings wildly. pin-during", Visibility.everyone());
        browser.untilText("#feed", "pin-during");
        browser.until(d -> pinned() ? Boolean.TRUE : null);
        assertThat(browser.visible("#new-pill")).isFalse();

        // The keyboard opens: the viewport shrinks to 375×407 with the action box focused.
        browser.find("#action-text").click();
        browser.viewport(375, 407, true);
        browser.until(d -> browser.visible("#ask"));
        assertThat(browser.text("#ask")).contains("pin-during");
        browser.until(d -> pinned() ? Boolean.TRUE : null);
        Number feedHeight = (Number) browser.js("return document.querySelector('#feed').getBoundingClientRect().height");
        assertThat(feedHeight.doubleValue()).isGreaterThan(120);
        browser.screenshot("phone-typing");

        browser.phone();
        browser.js("document.activeElement.blur()");
        table.endCombat();
        browser.until(d -> !browser.visible("#combat"));
        table.narrative("Silence returns. pin-after", Visibility.everyone());
        browser.untilText("#feed", "pin-after");
        browser.until(d -> pinned() ? Boolean.TRUE : null);
        assertThat(browser.visible("#new-pill")).isFalse();
    }

    /**
     * The mcp-server says a timed-out turn itself (Combat.tick: a public narrative line beside the combat frame);
     * the page shows that line once, live and from history, and derives none of its own from the frames.
     */
    @Test
    void turn_deadlinePasses_theServersLineShowsOnce_liveAndForALaterJoiner() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        table.combat(List.of(ann, ben), List.of("Ara", "Bor"), ben, Optional.of(ann), Instant.now().plusMillis(1500));
        t.join(ann);
        browser.until(d -> browser.visible("#combat"));
        browser.untilText("#combat-timer", "time's up");

        table.combat(List.of(ann, ben), List.of("Ara", "Bor"), ann, Optional.of(ben));
        table.narrative("Time ran out for Bor — Ara is up.", Visibility.everyone());

        browser.untilText("#feed", "Time ran out for Bor — Ara is up.");
        browser.untilText("#turn-banner", "YOUR TURN");
        assertThat(timeoutLines()).isEqualTo(1L);
        assertThat(browser.js("return document.querySelectorAll('#feed .msg.note').length")).isEqualTo(0L);

        // A page joining later replays the line from history, once.
        SeatKey cat = table.player("Cat (Cyr)");
        table.narrative("Later join. replay-mark", Visibility.everyone());
        t.join(cat);
        browser.untilText("#feed", "replay-mark");
        assertThat(timeoutLines()).isEqualTo(1L);
    }

    private Object timeoutLines() {
        return browser.js("return [...document.querySelectorAll('#feed .msg')]"
                + ".filter(m => m.textContent.includes('Time ran out')).length");
    }

    @Test
    void turn_movesBeforeTheDeadline_leavesNoTimeoutLine() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        table.combat(List.of(ann, ben), List.of("Ara", "Bor"), ben, Optional.of(ann));
        t.join(ann);
        browser.untilText("#initiative li.current", "Bor");

        table.combat(List.of(ann, ben), List.of("Ara", "Bor"), ann, Optional.of(ben));
        browser.untilText("#turn-banner", "YOUR TURN");
        table.narrative("After the turn moved. no-timeout-mark", Visibility.everyone());
        browser.untilText("#feed", "no-timeout-mark");

        assertThat(browser.js("return document.querySelectorAll('#feed .msg.note').length")).isEqualTo(0L);
    }

    @Test
    void simultaneous_round_marksWhoAnsweredAndNoCurrentOrOnDeck() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        table.simultaneous(List.of(ann, ben), List.of("Ara", "Bor"), "The bridge sways! What do you do?",
                Instant.now().plusSeconds(60), List.of(ann));
        t.join(ann);

        browser.untilText("#combat-prompt", "The bridge sways!");
        browser.untilText("#initiative", "answered");
        assertThat(browser.js("return document.querySelectorAll('#initiative li.current, #initiative li.ondeck').length"))
                .isEqualTo(0L);
        assertThat(browser.text("#initiative li.answered")).contains("Bor");
        assertThat(browser.text("#initiative li.awaited")).contains("Ara");
        assertThat(browser.text("#initiative")).doesNotContain("on deck");
    }

    @Test
    void actor_onResolutionAndRollFrames_isNamedOnTheCard() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        t.join(ann);
        // The relay does not carry `actor` yet; the page's own frame path renders it when a frame has one.
        browser.js("window.dm20.frame({type: 'roll', seq: 900001, id: 'r-a', label: 'Attack', notation: '1d20+5',"
                + " dice: [17], modifier: 5, total: 22, scope: 'public', at: new Date().toISOString(), actor: 'Thorin'});"
                + "window.dm20.frame({type: 'resolution', seq: 900002, actionId: 'a-x', narrative: 'The axe bites deep.',"
                + " at: new Date().toISOString(), actor: 'Thorin'});");

        browser.untilText("#feed", "The axe bites deep.");
        assertThat(browser.text("#feed .msg.roll .who")).contains("Thorin");
        assertThat(browser.js("return [...document.querySelectorAll('#feed .msg .who')].map(e => e.textContent).join('|')"))
                .asString().contains("Thorin").contains("|");
    }

    @Test
    void phone_controls_areAtLeast44pxAndSaySheetAndWhispers() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        table.sheet(ann, TableScript.sampleSheet(ann, "Ara", 20));
        t.join(ann);
        browser.untilText("#cb-name", "Ara");

        for (String css : List.of("#mute", "#charbar", "#tab-feed", "#tab-private", "#send", "#whisper")) {
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) browser.js("var e = document.querySelector(arguments[0]);"
                    + " if (e.type === 'checkbox') e = e.closest('label'); var r = e.getBoundingClientRect();"
                    + " return {w: r.width, h: r.height};", css);
            assertThat(box.get("w").doubleValue()).as(css + " width").isGreaterThanOrEqualTo(44);
            assertThat(box.get("h").doubleValue()).as(css + " height").isGreaterThanOrEqualTo(44);
        }
        assertThat(browser.text("#charbar")).contains("Sheet");
        assertThat(browser.text("#tab-private")).contains("Whispers");
        assertThat(browser.text(".whisper")).isEqualTo("Only the DM sees this");
        assertThat(browser.js("return document.querySelector('#mute').getAttribute('aria-label')")).isNull();
        assertThat(t.get("/static/icon.svg", "").statusCode()).isEqualTo(200);
        assertThat(t.get("/favicon.ico", "").headers().firstValue("Content-Type")).contains("image/svg+xml");
        assertThat(browser.js("return document.querySelector('link[rel=icon]').href")).asString().endsWith("/static/icon.svg");
        browser.screenshot("phone");
    }

    @Test
    void staticAssets_browserAcceptsGzip_areServedCompressed() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/static/app.js", "/static/app.css", "/play")) {
            var plain = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.relay().base() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            var gz = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.relay().base() + path))
                    .header("Accept-Encoding", "gzip, deflate, br").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());

            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(gz.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
            assertThat(gz.body().length).as(path).isLessThan(plain.body().length / 2);
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
                assertThat(in.readAllBytes()).as(path).isEqualTo(plain.body());
            }
            assertThat(gz.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
        }
        // Names that are not plain asset names still go to the static handler, which refuses to leave web/.
        var odd = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.relay().base() + "/static/..%2fMETA-INF"))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(odd.statusCode()).isEqualTo(404);
    }
}
