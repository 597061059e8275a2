package fr.trame.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random draws shared by the demonstration's builders. */
final class Draw {

    private Draw() {
    }

    /** {@code n} distinct elements of the list drawn at random (all of them when it has fewer), in a random order. */
    static <T> List<T> subset(Random random, List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return new ArrayList<>(copy.subList(0, Math.max(0, Math.min(n, copy.size()))));
    }
}
