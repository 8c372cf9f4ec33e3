package dm20.relay.browser;

import dm20.protocol.Role;
import dm20.protocol.Visibility;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.OutboxMessage;
import dm20.relay.browser.TableScript.SeatKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The player page in Chromium and in WebKit against the packaged relay, fed through a real outbox. One relay and
 * one browser per engine; each test issues its own seats and clears the page's storage first.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
@TableTitle("The Sunless Citadel")
class PlayerPageIT extends BrowserTest {

    private static final Duration WAIT = PageTable.WAIT;

    @Parameter
    Engine engine;

    static void join(SeatKey seat) throws Exception {
        t.join(seat);
    }

    static void awaitSeat(String token) throws Exception {
        t.awaitSeat(token);
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return t.get(path, token);
    }

    static String page() {
        return (String) browser.js("return document.documentElement.outerHTML + JSON.stringify(localStorage);");
    }

    @Test
    void join_qrLink_showsHistoryAndMovesTokenToStorage() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        table.narrative("The hall is dark and *very* quiet. join-mark", Visibility.everyone());

        join(ann);

        browser.untilText("#feed", "join-mark");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("#").doesNotContain(ann.token());
        assertThat(browser.js("return JSON.parse(localStorage.getItem('dm20.token'))")).isEqualTo(ann.token());
        assertThat(browser.text("#feed em")).contains("very");
        assertThat(browser.visible("#action")).isTrue();
        assertThat(browser.text("#campaign")).isEqualTo("The Sunless Citadel");
    }

    @Test
    void seatLink_openedAsANewPlayerWould_tokenLeavesTheAddressBarAndThePageGoesLive() throws Exception {
        // A new session of the same campaign: the page shows only this test's story (the picture in docs/).
        table.openSession("The Sunless Citadel");
        SeatKey ann = table.player("Ann (Ara)");
        table.sheet(ann, TableScript.sampleSheet(ann, "Ara", 17));
        table.narrative("The goblins' drums fall silent. A rope bridge sways over the chasm.", Visibility.everyone());
        table.narrative("Rain hammers the ruined watchtower. **What do you do?**", Visibility.everyone());
        t.awaitSeat(ann.token());
        browser.fresh(t.relay().base());

        browser.driver().get(t.relay().base() + "/play#" + ann.token());

        browser.until(d -> "open".equals(browser.js("return document.body.dataset.conn")));
        assertThat(browser.text("#conn-text")).isEqualTo("Live");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(t.relay().base() + "/play");
        assertThat(browser.js("return location.hash + location.search")).isEqualTo("");
        assertThat(browser.js("return JSON.parse(localStorage.getItem('dm20.token'))")).isEqualTo(ann.token());
        browser.untilText("#feed", "What do you do?");
        browser.untilText("#cb-hp", "17/20");
        assertThat(browser.visible("#action")).isTrue();
        browser.screenshot("player-phone");
    }

    @Test
    void action_claimedThenResolved_statusMovesAndPrivatePartShowsOnlyHere() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        join(ann);

        WebElement box = browser.find("#action-text");
        box.sendKeys("I open the door");
        box.sendKeys(Keys.ENTER);
        browser.until(d -> "queued".equals(browser.js("return document.querySelector('#feed .mine .status')?.dataset.status")));
        InboxMessage.ActionSubmitted action = table.awaitAction("I open the door", WAIT);
        assertThat(action.seatId()).isEqualTo(ann.seatId());
        assertThat(action.privateToDm()).isFalse();

        table.send(new OutboxMessage.ActionClaimed(action.actionId(), action.seatId(), Instant.now()));
        browser.until(d -> "processing".equals(status(action.actionId())));
        table.send(new OutboxMessage.ActionResolved(action.actionId(), action.seatId(), "The door **swings** open.",
                List.of(new OutboxMessage.PrivatePart(ann.playerId(), "A draft smells of sulphur.")),
                Optional.of("DMNOTE the sulphur is a red herring"), Instant.now()));
        browser.until(d -> "resolved".equals(status(action.actionId())));

        browser.untilText("#feed", "The door swings open.");
        assertThat(browser.text("#feed .msg .priv")).contains("sulphur");
        assertThat(browser.text("#private")).contains("A draft smells of sulphur.");
        assertThat(page()).doesNotContain("DMNOTE");
        browser.screenshot("feed");

        browser.find("#whisper").click();
        box.sendKeys("I pocket the gem quietly");
        browser.find("#send").click();
        assertThat(table.awaitAction("pocket the gem", WAIT).privateToDm()).isTrue();
    }

    private static String status(String actionId) {
        return (String) browser.js("var c = document.querySelector('#feed [data-action-id=\"' + arguments[0]"
                + " + '\"] .status'); return c ? c.dataset.status : '';", actionId);
    }

    @Test
    void privacy_manyMessages_eachSeatSeesOnlyWhatIsMeantForIt() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        SeatKey tv = table.seat(Role.OBSERVER, "Living room TV");
        for (int i = 0; i < 8; i++) {
            table.narrative("pub-" + i + " the torches flicker", Visibility.everyone());
            table.narrative("annonly-" + i + " you feel watched", Visibility.player(ann.playerId()));
            table.whisper("annwhisper-" + i + " Ben's character is lying", ann.playerId());
            table.roll("annroll-" + i, 17, Visibility.player(ann.playerId()));
            table.narrative("partyonly-" + i + " a secret plan", Visibility.party());
            table.narrative("dmonly-" + i + " the door is a mimic", Visibility.dmOnly());
            table.whisper("benwhisper-" + i + " you hear a click", ben.playerId());
        }
        table.narrative("END-MARK", Visibility.everyone());

        join(ben);
        browser.untilText("#feed", "END-MARK");
        assertThat(page()).contains("pub-7", "partyonly-7", "benwhisper-7")
                .doesNotContain("annonly-", "annwhisper-", "annroll-", "dmonly-");
        assertThat(browser.text("#private")).contains("benwhisper-7");

        join(ann);
        browser.untilText("#feed", "END-MARK");
        assertThat(page()).contains("pub-7", "partyonly-7", "annonly-7", "annwhisper-7", "annroll-7")
                .doesNotContain("benwhisper-", "dmonly-");
        assertThat(browser.text("#private")).contains("annonly-7", "annwhisper-7", "annroll-7").doesNotContain("pub-");

        join(tv);
        browser.untilText("#feed", "END-MARK");
        assertThat(page()).contains("pub-7")
                .doesNotContain("partyonly-", "annonly-", "annwhisper-", "annroll-", "benwhisper-", "dmonly-");
    }

    @Test
    void sheet_characterUpdated_rendersEveryPanelAndUpdatesLive() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        table.sheet(ann, TableScript.sampleSheet(ann, "Ara", 17));
        table.sheet(ben, TableScript.sampleSheet(ben, "Borin-of-Ben", 5));
        join(ann);

        browser.untilText("#cb-hp", "17/20");
        table.sheet(ann, TableScript.sampleSheet(ann, "Ara", 9));
        browser.untilText("#cb-hp", "9/20");
        assertThat(browser.text("#cb-name")).isEqualTo("Ara");
        assertThat(browser.text("#cb-ac")).isEqualTo("AC 12");
        assertThat(browser.text("#cb-conds")).contains("poisoned");

        browser.find("#charbar").click();
        browser.until(d -> browser.visible("#sheet"));
        assertThat(browser.text("#sheet-body")).contains("Wizard 3 (Evocation)", "Fire Bolt", "Quarterstaff",
                "main hand", "Arcane Recovery", "Elvish", "42 gp", "Level 1 slots (3/4)", "9 / 20");
        // saves and skills are roll buttons now: proficient ones marked, with the bonus the sheet computes
        assertThat(browser.js("return [...document.querySelectorAll('#sheet .rollbtn.prof')].map(e =>"
                + " e.querySelector('.rl').textContent + '=' + e.querySelector('b').textContent).join(',')"))
                .asString().contains("INT save=+5", "Arcana=+5");
        browser.screenshot("sheet");
        browser.find("#sheet-close").click();
        assertThat(page()).doesNotContain("Borin-of-Ben");
    }

    @Test
    void combat_notYourTurn_disablesInputAndYourTurnEnablesIt() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        table.sheet(ann, TableScript.sampleSheet(ann, "Ara", 17));
        try {
            table.combat(List.of(ben, ann), List.of("Bor", "Ara"), ben, Optional.of(ann));
            join(ann);
            browser.until(d -> browser.find("#action-text").getAttribute("disabled") != null);
            assertThat(browser.find("#action-text").getAttribute("placeholder")).contains("Waiting for Bor");
            assertThat(browser.text("#initiative li.current")).contains("Bor");
            assertThat(browser.text("#initiative li.ondeck")).contains("Ara");
            assertThat(browser.text("#turn-banner")).contains("On deck").doesNotContain("YOUR TURN");
            assertThat(browser.find("#send").isEnabled()).isFalse();

            table.combat(List.of(ben, ann), List.of("Bor", "Ara"), ann, Optional.of(ben));
            browser.until(d -> browser.find("#action-text").getAttribute("disabled") == null);
            assertThat(browser.text("#turn-banner")).isEqualTo("YOUR TURN");
            assertThat(browser.text("#combat-timer")).contains("left");
            browser.screenshot("combat");
        } finally {
            table.endCombat();
        }
        browser.until(d -> !browser.visible("#combat"));
    }

    @Test
    void xss_payloadsInNamesSheetAndNarrative_renderAsText() throws Exception {
        String payload = "<img src=x onerror=\"window.__xss=1;alert(1)\"><script>window.__xss=2</script>";
        SeatKey eve = table.player(payload + "Eve");
        table.sheet(eve, TableScript.sampleSheet(eve, payload + "Ara", 12));
        table.narrative("**Bold** " + payload + " xss-mark", Visibility.everyone());
        table.whisper("_psst_ " + payload, eve.playerId());
        join(eve);

        browser.untilText("#feed", "xss-mark");
        browser.untilText("#cb-name", "<img");
        assertThat(browser.text("#feed")).contains("<img src=x onerror=", "<script>window.__xss=2</script>");
        assertThat(browser.js("return document.querySelectorAll('img').length"
                + " + document.querySelectorAll('script:not([src])').length")).isEqualTo(0L);
        assertThat(browser.js("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(browser.text("#feed strong")).isEqualTo("Bold");
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void badToken_showsAskTheHostScreen() {
        browser.fresh(t.relay().base());
        browser.driver().get(t.relay().base() + "/play#" + "notARealToken_0123456789abcdef");

        browser.until(d -> browser.visible("#gone"));
        assertThat(browser.text("#gone")).contains("Ask the host for a new code");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("notARealToken");
    }

    @Test
    void revokedSeat_whileOpen_showsAskTheHostScreen() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        join(ann);

        table.send(new OutboxMessage.SeatRevoked(ann.seatId(), "kicked by the host", Instant.now()));

        browser.until(d -> browser.visible("#gone"));
        assertThat(browser.text("#gone")).contains("Ask the host for a new code");
    }

    @Test
    void observer_tvMode_hasPublicFeedButNoActionBoxOrSheet() throws Exception {
        SeatKey tv = table.seat(Role.OBSERVER, "Living room TV");
        table.narrative("The dragon **roars**. tv-mark", Visibility.everyone());
        join(tv);

        browser.untilText("#feed", "tv-mark");
        assertThat(browser.js("return document.body.classList.contains('tv')")).isEqualTo(true);
        assertThat(browser.visible("#action")).isFalse();
        assertThat(browser.visible("#charbar")).isFalse();
        assertThat(browser.visible("#tabs")).isFalse();
        assertThat(get("/character", tv.token()).statusCode()).isEqualTo(403);
        browser.screenshot("tv");
    }

    @Test
    void budget_pageWeightStaysWithinLimit_firstRenderIsMarked() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        join(ann);
        browser.join(t.relay().base() + "/play");

        double ready = ((Number) browser.js("return performance.getEntriesByName('dm20-ready')[0].startTime")).doubleValue();
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) browser.js(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        List<String> assets = new ArrayList<>(resources.stream().filter(u -> u.matches(".*\\.(js|css)$")).toList());
        long bytes = get("/play", "").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        for (String url : assets) {
            bytes += get(URI.create(url).getPath(), "").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        System.out.printf("page budget: %d bytes in %d files, welcome rendered at %.0f ms%n", bytes,
                assets.size() + 1, ready);

        assertThat(resources).allSatisfy(u -> assertThat(u).startsWith(t.relay().base() + "/"));
        assertThat(assets).hasSizeGreaterThanOrEqualTo(8);
        assertThat(bytes).isLessThan(80 * 1024);
        // The page marked its first render (the time is printed above; docs/web.md records it). Not a timed
        // assertion: a budget in a test fails with the machine's load (1,131 ms once at load 8), not with the page.
        assertThat(ready).isPositive();
    }

    @Test
    void hostScreen_dmToken_showsEachPlayerSeatWithQrLinkAndNeverTheHostLinkAmongThem() throws Exception {
        SeatKey dm = table.seat(Role.DM, "Host");
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey bob = table.player("Bob (Bor)");
        SeatKey tv = table.seat(Role.OBSERVER, "Table TV");
        // The DM seat is listed first, and even with a /play path: it still must not reach the player list.
        java.nio.file.Files.writeString(campaign.resolve("party").resolve("seats.json"), "{\"seats\":["
                + seatJson(dm, "DM", "Host", "/play#") + "," + seatJson(ann, "PLAYER", "Ann (Ara)", "/play#") + ","
                + seatJson(bob, "PLAYER", "Bob (Bor)", "/play#") + "," + seatJson(tv, "OBSERVER", "Table TV", "/play#")
                + "]}");
        awaitSeat(dm.token());
        awaitSeat(tv.token());
        browser.fresh(t.relay().base());

        browser.viewport(1280, 800, false);
        try {
            hostScreen(dm, ann, bob, tv);
        } finally {
            browser.phone();
        }
    }

    private void hostScreen(SeatKey dm, SeatKey ann, SeatKey bob, SeatKey tv) throws Exception {
        browser.driver().get(t.relay().base() + "/host#" + dm.token());

        browser.untilText("#h-seats", "Bob (Bor)");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(dm.token());
        browser.until(d -> browser.js("return [...document.querySelectorAll('#h-seats img')]"
                + ".filter(i => i.src.startsWith('data:image/png;base64,') && i.naturalWidth > 0).length == 2"));
        String players = browser.text("#h-seats");
        assertThat(players).contains("/play#" + ann.token()).contains("/play#" + bob.token())
                .doesNotContain(dm.token()).doesNotContain("Host");
        assertThat(players.indexOf("Ann (Ara)")).isLessThan(players.indexOf("Bob (Bor)"));
        assertThat(browser.text("#h-tv")).contains("/play#" + tv.token()).doesNotContain(dm.token());
        // Every link shown for players or the TV opens a player or TV seat, never the host's.
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.js("return [...document.querySelectorAll('#h-seats .link, #h-tv .link')]"
                + ".map(e => e.textContent)");
        assertThat(shown).hasSize(3);
        for (String url : shown) {
            var me = get("/api/me", url.substring(url.indexOf('#') + 1));
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).doesNotContain("\"DM\"");
        }
        // The host's own link: once, folded, marked for the host only; the host's seat is not "away".
        assertThat(browser.text("body").split(java.util.regex.Pattern.quote(dm.token()), -1)).hasSize(2);
        assertThat(browser.text("#h-own summary")).contains("for you only");
        assertThat(browser.text("#h-own .link")).isEqualTo(t.relay().base() + "/host#" + dm.token());
        assertThat(browser.js("return document.querySelector('#h-own').open")).isEqualTo(false);
        assertThat(browser.text("body")).doesNotContain("away");
        browser.screenshot("host");

        browser.find("[data-seat='" + bob.seatId() + "']").click();
        browser.until(d -> browser.visible("#big"));
        assertThat(browser.text("#big-name")).isEqualTo("Bob (Bor)");
        long side = ((Number) browser.js("return document.querySelector('#big-img').getBoundingClientRect().width")).longValue();
        assertThat(side).isGreaterThanOrEqualTo(340);
        browser.screenshot("host-big");
        browser.find("#big-next").click();
        browser.untilText("#big-name", "Table TV");
        browser.find("#big-close").click();
        browser.until(d -> !browser.visible("#big"));
    }

    private static String seatJson(SeatKey seat, String role, String name, String prefix) {
        return "{\"seatId\":\"" + seat.seatId() + "\",\"role\":\"" + role + "\",\"displayName\":\"" + name
                + "\",\"token\":\"" + seat.token() + "\",\"path\":\"" + prefix + seat.token() + "\"}";
    }
}
