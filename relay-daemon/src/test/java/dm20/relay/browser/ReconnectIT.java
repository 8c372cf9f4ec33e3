package dm20.relay.browser;

import dm20.protocol.Role;
import dm20.protocol.Tokens;
import dm20.protocol.Visibility;
import dm20.protocol.message.OutboxMessage;
import dm20.relay.browser.TableScript.SeatKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page survives the relay going away: when the server closes the socket (relay stopped and started
 * again on the same port) the page reconnects by itself and resumes from its cursor without duplicates; a
 * reload resumes from localStorage; a new session (new epoch) drops the old feed. In Chromium and in WebKit.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
@TableTitle("Reconnect Keep")
class ReconnectIT extends BrowserTest {

    @Parameter
    Engine engine;

    private static long count(String marker) {
        return (Long) browser.js("return [...document.querySelectorAll('#feed .msg')]"
                + ".filter(m => m.textContent.includes(arguments[0])).length", marker);
    }

    @Test
    void relayRestartThenReloadThenNewSession_resumesWithoutDuplicatesAndResetsOnNewEpoch() throws Exception {
        SeatKey ann = table.player("Ann (Ara)");
        for (int i = 1; i <= 3; i++) table.narrative("before-" + i, Visibility.everyone());
        Thread.sleep(300);
        t.join(ann);
        browser.untilText("#feed", "before-3");

        t.stopRelay();
        browser.until(d -> "closed".equals(browser.js("return document.body.dataset.conn")));
        table.narrative("during-1", Visibility.everyone());
        table.narrative("during-2", Visibility.party());
        t.startRelay();
        browser.untilText("#feed", "during-2");
        table.narrative("after-1", Visibility.everyone());
        browser.untilText("#feed", "after-1");
        for (String m : new String[] {"before-1", "before-2", "before-3", "during-1", "during-2", "after-1"}) {
            assertThat(count(m)).as("cards with %s after the relay restart", m).isEqualTo(1L);
        }

        browser.driver().navigate().refresh();
        browser.untilText("#feed", "after-1");
        table.narrative("after-2", Visibility.everyone());
        browser.untilText("#feed", "after-2");
        for (String m : new String[] {"before-1", "before-3", "during-2", "after-1", "after-2"}) {
            assertThat(count(m)).as("cards with %s after a reload", m).isEqualTo(1L);
        }

        String epoch = table.openSession("Reconnect Keep, part two");
        table.send(new OutboxMessage.SeatIssued(ann.seatId(), Role.PLAYER, "Ann (Ara)", Optional.of(ann.playerId()),
                Optional.of(ann.characterId()), Tokens.hash(ann.token()), Instant.now()));
        table.narrative("new-session-1", Visibility.everyone());
        browser.untilText("#feed", "new-session-1");
        assertThat(count("before-1")).isZero();
        browser.until(d -> epoch.equals(browser.js("return JSON.parse(localStorage.getItem('dm20.session')).epoch")));
    }
}
