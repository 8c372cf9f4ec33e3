package dm20.relay.ws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxTest {

    @Test
    void offer_full_isRefusedWithoutBlockingAndForceStillGetsThrough() throws Exception {
        Mailbox<String> box = new Mailbox<>(2);
        assertThat(box.offer("a")).isTrue();
        assertThat(box.offer("b")).isTrue();
        assertThat(box.offer("c")).isFalse();
        box.force("close");
        assertThat(box.size()).isEqualTo(3);
        assertThat(List.of(box.take(), box.take(), box.take())).containsExactly("a", "b", "close");
        assertThat(box.size()).isZero();
        assertThat(box.offer("d")).isTrue();
    }

    @Test
    void clear_dropsWaitingItemsAndFreesTheirSlots() throws Exception {
        Mailbox<String> box = new Mailbox<>(2);
        box.offer("a");
        box.offer("b");
        box.clear();
        assertThat(box.size()).isZero();
        assertThat(box.offer("c")).isTrue();
        assertThat(box.take()).isEqualTo("c");
    }

    @Test
    void take_sleepingConsumer_isWokenByEveryOfferAndKeepsEachProducersOrder() throws Exception {
        int producers = 4;
        int each = 20_000;
        Mailbox<int[]> box = new Mailbox<>(producers * each);
        List<int[]> taken = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < producers * each; i++) {
                    taken.add(box.take());
                }
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    assertThat(box.offer(new int[]{id, i})).isTrue();
                    if (i % 64 == 0) {
                        Thread.yield();   // let the consumer run dry and sleep now and then
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).as("every offer woke the consumer; none was lost").isTrue();
        consumer.join();
        int[] next = new int[producers];
        for (int[] item : taken) {
            assertThat(item[1]).as("producer %d's order", item[0]).isEqualTo(next[item[0]]);
            next[item[0]]++;
        }
        assertThat(next).containsOnly(each);
    }

    @Test
    void take_interruptedWhileWaiting_throws() throws Exception {
        Mailbox<String> box = new Mailbox<>(1);
        Thread.currentThread().interrupt();
        assertThatThrownBy(box::take).isInstanceOf(InterruptedException.class);
    }

    @Test
    void constructor_zeroCapacity_isRefused() {
        assertThatThrownBy(() -> new Mailbox<String>(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
