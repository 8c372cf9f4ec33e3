package dm20.mcp.party;

import dm20.mcp.party.QueuedAction.Status;
import dm20.protocol.message.InboxMessage.ActionSubmitted;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The DM's queue of player actions: a fold of {@code action_submitted} (inbox) with
 * {@code action_claimed}/{@code action_resolved}/{@code action_rejected} (outbox). Every event is keyed on the
 * action id and applying one twice changes nothing, so replaying the bus after a restart rebuilds the same
 * book. An action claimed but never resolved before a restart is offered again ({@link #reofferClaimed()}).
 *
 * <p>Thread-safe: the inbox poller adds actions while tool calls claim and wait.
 */
public final class ActionBook {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Map<String, QueuedAction> actions = new LinkedHashMap<>();
    /**
     * The ids of the pending actions, in the order of {@link #actions}: the oldest pending one without a scan of the
     * whole session (an evening's hundreds of answered actions, walked by every {@code party_wait} and
     * {@code party_next}).
     */
    private final LinkedHashSet<String> pending = new LinkedHashSet<>();

    /** Records a submitted action; a second copy of the same id is ignored. */
    public void submitted(ActionSubmitted action, long sequence) {
        withLock(() -> {
            if (actions.putIfAbsent(action.actionId(), new QueuedAction(action, sequence, Status.PENDING)) == null) {
                pending.add(action.actionId());
                arrived.signalAll();
            }
        });
    }

    /** Marks an action claimed unless it is already resolved or rejected; unknown ids are ignored. */
    public void claimed(String actionId) {
        move(actionId, Status.CLAIMED);
    }

    /** Marks an action resolved; unknown ids are ignored. */
    public void resolved(String actionId) {
        move(actionId, Status.RESOLVED);
    }

    /** Marks an action rejected; unknown ids are ignored. */
    public void rejected(String actionId) {
        move(actionId, Status.REJECTED);
    }

    /** After a restart: every action claimed by the previous run but not answered is pending again. */
    public void reofferClaimed() {
        withLock(() -> {
            actions.replaceAll((id, a) -> a.status() == Status.CLAIMED ? a.with(Status.PENDING) : a);
            pending.clear();   // in the book's order, not the order they were re-offered
            actions.values().stream().filter(a -> a.status() == Status.PENDING).forEach(a -> pending.add(a.id()));
        });
    }

    /** The oldest pending action, now marked claimed. */
    public Optional<QueuedAction> claimNext() {
        lock.lock();
        try {
            return oldestPending().map(a -> {
                QueuedAction claimed = a.with(Status.CLAIMED);
                actions.put(a.id(), claimed);
                pending.remove(a.id());
                return claimed;
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code timeout} for a pending action and claims it.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Optional<QueuedAction> awaitAndClaim(Duration timeout) throws InterruptedException {
        return awaitAndClaim(timeout, () -> false);
    }

    /**
     * Waits up to {@code timeout} for a pending action and claims it; returns early, empty, once
     * {@code stop} is true after a {@link #nudge}.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Optional<QueuedAction> awaitAndClaim(Duration timeout, java.util.function.BooleanSupplier stop)
            throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (oldestPending().isEmpty() && nanos > 0 && !stop.getAsBoolean()) {
                nanos = arrived.awaitNanos(nanos);
            }
            return claimNext();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting {@link #awaitAndClaim} to look again at its stop condition. */
    public void nudge() {
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The action with this id. */
    public Optional<QueuedAction> find(String actionId) {
        lock.lock();
        try {
            return Optional.ofNullable(actions.get(actionId));
        } finally {
            lock.unlock();
        }
    }

    /** The oldest pending action, without claiming it. */
    public Optional<QueuedAction> peek() {
        lock.lock();
        try {
            return oldestPending();
        } finally {
            lock.unlock();
        }
    }

    /** Actions with the given status, oldest first. */
    public List<QueuedAction> withStatus(Status status) {
        lock.lock();
        try {
            return actions.values().stream().filter(a -> a.status() == status).toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The inbox sequences of the actions still queued (pending, or claimed and not answered) among those at or
     * before {@code sequence}, oldest first: what a session's opening carries forward ({@code OutboxMessage.Resume}).
     */
    public List<Long> queuedThrough(long sequence) {
        lock.lock();
        try {
            return actions.values().stream().filter(a -> !isFinal(a.status()) && a.sequence() <= sequence)
                    .map(QueuedAction::sequence).sorted().toList();
        } finally {
            lock.unlock();
        }
    }

    /** How many actions are in each status. */
    public Map<Status, Integer> counts() {
        lock.lock();
        try {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            for (Status s : Status.values()) {
                counts.put(s, 0);
            }
            actions.values().forEach(a -> counts.merge(a.status(), 1, Integer::sum));
            return counts;
        } finally {
            lock.unlock();
        }
    }

    private Optional<QueuedAction> oldestPending() {
        return pending.isEmpty() ? Optional.empty() : Optional.of(actions.get(pending.getFirst()));
    }

    /** Moves an action on (never back to pending); an answered action stays as it is. */
    private void move(String actionId, Status to) {
        withLock(() -> {
            QueuedAction now = actions.computeIfPresent(actionId, (id, a) -> isFinal(a.status()) ? a : a.with(to));
            if (now != null && now.status() != Status.PENDING) {
                pending.remove(actionId);
            }
        });
    }

    private static boolean isFinal(Status s) {
        return s == Status.RESOLVED || s == Status.REJECTED;
    }

    private void withLock(Runnable r) {
        lock.lock();
        try {
            r.run();
        } finally {
            lock.unlock();
        }
    }

}
