package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderParallelTest {

    /** Per-worker state that notices being used by two threads at once. */
    static final class NotThreadSafe {
        final AtomicInteger users = new AtomicInteger();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    }

    @Test
    void resultsArriveInInputOrderWhateverTheCompletionOrder() throws Exception {
        List<Integer> items = IntStream.range(0, 300).boxed().toList();
        List<Integer> completion = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> received = new ArrayList<>();
        Set<NotThreadSafe> states = ConcurrentHashMap.newKeySet();
        InOrderParallel.run(items, 6, NotThreadSafe::new, (state, item) -> {
            states.add(state);
            assertEquals(1, state.users.incrementAndGet(), "state shared between threads");
            state.threads.add(Thread.currentThread());
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3)); // finish out of order
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            state.users.decrementAndGet();
            completion.add(item);
            return item * 10;
        }, received::add);
        assertEquals(items.stream().map(i -> i * 10).toList(), received);
        assertTrue(states.size() <= 6 && !states.isEmpty(), "one state per worker thread: " + states.size());
        for (NotThreadSafe s : states) {
            assertEquals(1, s.threads.size(), "a state object stays with one thread");
        }
        assertTrue(!completion.equals(items), "the test should actually finish items out of order");
    }

    @Test
    void oneThreadAndEmptyInputWork() throws Exception {
        List<String> got = new ArrayList<>();
        InOrderParallel.run(List.of("a", "b", "c"), 1, Object::new, (s, x) -> x + x, got::add);
        assertEquals(List.of("aa", "bb", "cc"), got);
        InOrderParallel.run(List.<String>of(), 4, Object::new, (s, x) -> x, got::add);
        assertEquals(3, got.size());
    }

    @Test
    void anExceptionFromWorkStopsTheRunAndIsRethrown() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> InOrderParallel.run(IntStream.range(0, 50).boxed().toList(), 3, Object::new, (s, i) -> {
                    if (i == 7) {
                        throw boom;
                    }
                    return i;
                }, r -> { }));
        assertSame(boom, thrown);
    }

    @Test
    void rejectsZeroThreads() {
        assertThrows(IllegalArgumentException.class,
                () -> InOrderParallel.run(List.of(1), 0, Object::new, (s, i) -> i, r -> { }));
    }
}
