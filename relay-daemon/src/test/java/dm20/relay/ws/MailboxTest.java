package dm20.relay.ws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxTest {

    /** Virtual threads, each one remembered, so a test can see how many ran and whether they ended. */
    private static final class Threads implements ThreadFactory {
        final List<Thread> made = new CopyOnWriteArrayList<>();
        private final ThreadFactory delegate = Thread.ofVirtual().name("test-consumer-", 0).factory();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = delegate.newThread(r);
            made.add(t);
            return t;
        }

        void joinAll() throws InterruptedException {
            for (Thread t : made) {
                assertThat(t.join(java.time.Duration.ofSeconds(10))).as("consumer thread %s ended", t).isTrue();
            }
        }
    }

    @Test
    void offer_full_isRefusedWithoutBlockingAndForceStillGetsThrough() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> got = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        Threads threads = new Threads();
        Mailbox<String> box = new Mailbox<>(2, threads, s -> {
            await(release);
            got.add(s);
            three.countDown();
        });
        assertThat(box.offer("a")).isTrue();
        assertThat(box.offer("b")).isTrue();
        assertThat(box.offer("c")).isFalse();
        box.force("close");
        assertThat(box.size()).isEqualTo(3);
        release.countDown();
        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        threads.joinAll();
        assertThat(got).containsExactly("a", "b", "close");
        assertThat(box.size()).isZero();
        assertThat(threads.made).as("one consumer for the one burst").hasSize(1);
    }

    @Test
    void idle_holdsNoThread_andTheNextOfferStartsOne() throws Exception {
        Threads threads = new Threads();
        List<String> got = new CopyOnWriteArrayList<>();
        Mailbox<String> box = new Mailbox<>(4, threads, got::add);
        box.offer("first");
        threads.joinAll();
        assertThat(got).containsExactly("first");
        assertThat(threads.made).hasSize(1).allMatch(t -> !t.isAlive());
        box.offer("second");
        threads.joinAll();
        assertThat(got).containsExactly("first", "second");
        assertThat(threads.made).as("a new consumer for the new item, and it ended too").hasSize(2)
                .allMatch(t -> !t.isAlive());
        assertThat(box.size()).isZero();
    }

    @Test
    void consumerThrows_theItemIsCountedAndTheNextStillComes() throws Exception {
        Threads threads = new Threads();
        List<String> got = new CopyOnWriteArrayList<>();
        Mailbox<String> box = new Mailbox<>(4, threads, s -> {
            if (s.equals("bad")) {
                throw new IllegalStateException("boom");
            }
            got.add(s);
        });
        box.offer("bad");
        box.offer("good");
        threads.joinAll();
        box.offer("later");
        threads.joinAll();
        assertThat(got).containsExactly("good", "later");
        assertThat(box.size()).isZero();
    }

    @Test
    void manyProducers_everyItemConsumedOnce_oneConsumerAtATime_eachProducersOrderKept() throws Exception {
        int producers = 4;
        int each = 20_000;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<int[]> taken = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(producers * each);
        Threads threads = new Threads();
        Mailbox<int[]> box = new Mailbox<>(producers * each, threads, item -> {
            if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            taken.add(item);
            inside.decrementAndGet();
            all.countDown();
        });
        List<Thread> started = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            started.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    assertThat(box.offer(new int[]{id, i})).isTrue();
                    if (i % 64 == 0) {
                        Thread.yield();   // let the consumer run dry and end now and then
                    }
                }
            }));
        }
        for (Thread t : started) {
            t.join();
        }
        assertThat(all.await(30, TimeUnit.SECONDS)).as("every offer was consumed; none was lost").isTrue();
        threads.joinAll();
        assertThat(overlaps.get()).as("two consumers at once").isZero();
        assertThat(taken).hasSize(producers * each);
        int[] next = new int[producers];
        for (int[] item : taken) {
            assertThat(item[1]).as("producer %d's order", item[0]).isEqualTo(next[item[0]]);
            next[item[0]]++;
        }
        assertThat(next).containsOnly(each);
        assertThat(box.size()).isZero();
    }

    @Test
    void constructor_zeroCapacity_isRefused() {
        assertThatThrownBy(() -> new Mailbox<String>(0, new Threads(), s -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
