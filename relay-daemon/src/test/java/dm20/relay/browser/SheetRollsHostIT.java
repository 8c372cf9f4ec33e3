package dm20.relay.browser;

import dm20.protocol.Role;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.InboxMessage.HostCommand;
import dm20.protocol.message.OutboxMessage;
import dm20.relay.browser.TableScript.SeatKey;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new table controls in real Chromium against the packaged relay (the test plays the mcp-server on the bus):
 * a player taps a skill on their sheet with advantage and the request reaches the inbox; "End my turn" shows on
 * the player's own turn only and sends the request; the host screen locks the room and removes a seat; a player
 * the lock keeps out reads "The DM has locked the room". Screenshots at phone (390×844) and laptop (1280×800).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TableTitle("Thornwood Bridge")
class SheetRollsHostIT extends BrowserTest {

    private static final Duration WAIT = PageTable.WAIT;

    @Test
    @Order(2)
    void sheet_tapStealthWithAdvantage_requestsTheRollForOwnCharacter() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        table.sheet(ann, TableScript.sampleSheet(ann, "Ara", 18));
        browser.phone();
        t.join(ann);
        browser.until(d -> !browser.find("#charbar").getAttribute("class").contains("nosheet"));
        browser.find("#charbar").click();
        browser.until(d -> browser.visible("#sheet"));
        browser.find(".edge-opt[data-edge='advantage']").click();
        assertThat(browser.find(".edge-opt[data-edge='advantage']").getAttribute("aria-checked")).isEqualTo("true");
        browser.js("document.querySelector(\"[data-roll='skill:Stealth']\").scrollIntoView({block: 'center'})");
        browser.find("[data-roll='skill:Stealth']").click();

        InboxMessage.RollRequested r = table.awaitInbox(InboxMessage.RollRequested.class,
                x -> x.seatId().equals(ann.seatId()), WAIT);
        assertThat(r.characterId()).isEqualTo(ann.characterId());
        assertThat(r.kind()).isEqualTo(InboxMessage.RollKind.SKILL);
        assertThat(r.name()).isEqualTo("Stealth");
        assertThat(r.edge()).isEqualTo(InboxMessage.RollEdge.ADVANTAGE);
        browser.untilText("#roll-note", "Stealth asked for with advantage");
        Number height = (Number) browser.js("return document.querySelector(\"[data-roll='skill:Stealth']\")"
                + ".getBoundingClientRect().height");
        assertThat(height.doubleValue()).as("a 44 px tap target").isGreaterThanOrEqualTo(44);
        browser.screenshot("sheet-skills-phone");
        browser.js("document.querySelector('#sheet-body').scrollTop = 0");
        browser.screenshot("sheet-rolls-phone");
        browser.viewport(1280, 800, false);
        browser.screenshot("sheet-rolls-laptop");
        browser.phone();
        browser.find("#sheet-close").click();
    }

    @Test
    @Order(3)
    void endMyTurn_shownOnOwnTurnOnly_sendsTheRequest() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey ben = table.player("Ben (Bor)");
        try {
            browser.phone();
            table.combat(List.of(ben, ann), List.of("Bor", "Ara"), ben, Optional.of(ann));
            t.join(ann);
            browser.until(d -> browser.visible("#combat"));
            assertThat(browser.visible("#end-turn")).as("not Ann's turn").isFalse();

            table.combat(List.of(ann, ben), List.of("Ara", "Bor"), ann, Optional.of(ben));
            browser.until(d -> browser.visible("#end-turn"));
            browser.screenshot("end-turn-phone");
            browser.find("#end-turn").click();

            InboxMessage.TurnEndRequested sent = table.awaitInbox(InboxMessage.TurnEndRequested.class,
                    x -> x.seatId().equals(ann.seatId()), WAIT);
            assertThat(sent.playerId()).isEqualTo(ann.playerId());
            browser.untilText("#action-note", "Turn ended");
        } finally {
            table.endCombat();
        }
    }

    /** First, so the host screen's pictures show only this test's seats. */
    @Test
    @Order(1)
    void hostScreen_lockThenRemove_andALockedOutPlayerIsToldSo() throws Exception {
        SeatKey dm = table.seat(Role.DM, "Host");
        SeatKey ann = table.player("Ann (Ara)");
        SeatKey cai = table.player("Cai (Cyr)");
        SeatKey tv = table.seat(Role.OBSERVER, "Table TV");
        Files.createDirectories(campaign.resolve("party"));
        Files.writeString(campaign.resolve("party").resolve("seats.json"), "{\"seats\":["
                + seat(dm, "DM", "Host", "/host#") + "," + seat(ann, "PLAYER", "Ann (Ara)", "/play#") + ","
                + seat(cai, "PLAYER", "Cai (Cyr)", "/play#") + "," + seat(tv, "OBSERVER", "Table TV", "/play#") + "]}");
        t.join(ann);
        t.awaitSeat(dm.token());
        browser.fresh(t.relay().base());
        browser.viewport(1280, 800, false);
        browser.driver().get(t.relay().base() + "/host#" + dm.token());
        browser.until(d -> browser.js("return document.querySelectorAll('#h-seats img').length > 1"));
        browser.untilText("#h-room", "Open");

        browser.find("#h-lock").click();
        InboxMessage.HostRequested lock = table.awaitInbox(InboxMessage.HostRequested.class,
                h -> h.command() == HostCommand.LOCK, WAIT);
        assertThat(lock.seated()).contains(ann.seatId()).doesNotContain(cai.seatId(), dm.seatId());
        table.send(new OutboxMessage.RoomLockChanged(true, lock.seated(), Instant.now()));
        browser.untilText("#h-room", "Locked");
        assertThat(browser.find("#h-lock").getAttribute("aria-pressed")).isEqualTo("true");
        browser.untilText("[data-seat='" + cai.seatId() + "']", "Locked out");
        browser.screenshot("host-controls-laptop");
        browser.phone();
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("host-controls-phone");

        String remove = ".seat-wrap:has([data-seat='" + cai.seatId() + "']) .kick";
        browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", remove);
        browser.find(remove).click();
        browser.untilText(remove, "Tap again");
        browser.find(remove).click();
        InboxMessage.HostRequested kick = table.awaitInbox(InboxMessage.HostRequested.class,
                h -> h.command() == HostCommand.KICK, WAIT);
        assertThat(kick.target()).contains(cai.seatId());
        browser.untilText("#h-ctl-msg", "was removed");

        browser.fresh(t.relay().base());
        browser.driver().get(t.relay().base() + "/play#" + cai.token());
        browser.untilText("#gone-title", "The DM has locked the room");
        assertThat(browser.visible("#gone")).isTrue();
        browser.screenshot("room-locked-phone");
        table.send(new OutboxMessage.RoomLockChanged(false, List.of(), Instant.now()));
    }

    private static String seat(SeatKey s, String role, String name, String path) {
        return "{\"seatId\":\"" + s.seatId() + "\",\"role\":\"" + role + "\",\"displayName\":\"" + name
                + "\",\"token\":\"" + s.token() + "\",\"path\":\"" + path + s.token() + "\"}";
    }
}
