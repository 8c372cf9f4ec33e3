package dm20.mcp.game;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** Die faces chosen by the test (then a fixed sequence), so rolls are exact. */
public final class ScriptedRandom implements RandomGenerator {

    private final Deque<Integer> faces = new ArrayDeque<>();

    public ScriptedRandom faces(int... values) {
        for (int v : values) {
            faces.addLast(v);
        }
        return this;
    }

    @Override
    public int nextInt(int origin, int bound) {
        int v = faces.isEmpty() ? origin : faces.removeFirst();
        if (v < origin || v >= bound) {
            throw new IllegalStateException("scripted face " + v + " outside " + origin + ".." + (bound - 1));
        }
        return v;
    }

    @Override
    public long nextLong() {
        return 4;
    }
}
