package dm20.mcp.game;

import dm20.protocol.message.OutboxMessage;

import java.util.ArrayList;
import java.util.List;

/** Our own {@link TableFeed}, recording what the game announced. */
public final class RecordingFeed implements TableFeed {

    private final List<OutboxMessage> messages = new ArrayList<>();

    @Override
    public synchronized void publish(OutboxMessage message) {
        messages.add(message);
    }

    public synchronized List<OutboxMessage> messages() {
        return List.copyOf(messages);
    }

    public synchronized <T extends OutboxMessage> List<T> of(Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public synchronized void clear() {
        messages.clear();
    }
}
