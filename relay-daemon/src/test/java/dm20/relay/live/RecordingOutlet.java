package dm20.relay.live;

import dm20.relay.feed.Frame;
import dm20.relay.state.Seat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An outlet that keeps what it was sent, standing in for a socket in logic tests. */
final class RecordingOutlet implements Outlet {

    private final Seat seat;
    final List<Frame> frames = new ArrayList<>();
    Optional<Integer> closedWith = Optional.empty();
    /** What each call of {@link #sendAll} passed (each is one entry in a real socket's queue). */
    final List<List<Frame>> batches = new ArrayList<>();

    RecordingOutlet(Seat seat) {
        this.seat = seat;
    }

    @Override
    public Seat seat() {
        return seat;
    }

    @Override
    public synchronized void send(Frame frame) {
        if (closedWith.isEmpty()) {
            frames.add(frame);
        }
    }

    @Override
    public synchronized void sendAll(List<Frame> sent) {
        if (closedWith.isEmpty()) {
            frames.addAll(sent);
            batches.add(sent);
        }
    }

    @Override
    public synchronized void close(int code, String reason) {
        if (closedWith.isEmpty()) {
            closedWith = Optional.of(code);
        }
    }
}
