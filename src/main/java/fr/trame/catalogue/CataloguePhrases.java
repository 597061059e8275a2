package fr.trame.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a French tsquery (as PostgreSQL prints it) into the parts joined by its top-level {@code &}, each kept or
 * negated, so that the search answers it from the parts' sets of actions: a document matches {@code A & !B} exactly
 * when it matches A and not B. Each part carries the query that reads its actions from the GIN index; a quoted
 * phrase is answered by the pair lexemes of the documents (V77): {@code 'caf' <2> 'parent'} is read as
 * {@code 'caf 2 parent'}, without reading any document back (a document has the pair exactly when it matches the
 * phrase); a longer phrase is read with its pairs added, so that only the documents having them all are rechecked;
 * a distance over {@link #MAX_DISTANCE}, or anything under {@code |}, is read as it is (correct, only slower).
 */
final class CataloguePhrases {

    /** The largest distance between two lexemes that the documents hold pairs for (catalogue_pairs in V77). */
    static final int MAX_DISTANCE = 3;

    private CataloguePhrases() {
    }

    /**
     * A part of a query: as printed ({@code key}), the query reading its actions from the index ({@code read}), and
     * whether that query relies on the pairs (then a document without pairs is checked with the part itself).
     */
    record Part(String key, String read, boolean paired) {
    }

    /** The parts a document must match, and those it must not. */
    record Parts(List<Part> with, List<Part> without) {
    }

    /** The query's parts; a query it cannot read is one part, read as it is. */
    static Parts parts(String tsquery) {
        Parser parser = new Parser(tsquery);
        Node top;
        try {
            top = parser.or();
            if (parser.peek() != 0) {
                throw new IllegalArgumentException(tsquery);
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return new Parts(List.of(new Part(tsquery, tsquery, false)), List.of());
        }
        List<Part> with = new ArrayList<>();
        List<Part> without = new ArrayList<>();
        for (Node c : top.conjuncts != null ? top.conjuncts : List.of(top)) {
            if (c.negated != null) {
                without.add(part(tsquery, c.negated));
            } else {
                with.add(part(tsquery, c));
            }
        }
        return new Parts(with, without);
    }

    private static Part part(String tsquery, Node node) {
        String text = tsquery.substring(node.start, node.end).trim();
        if (node.chain == null || node.chain.size() < 2) {
            return new Part(text, text, false);
        }
        Set<String> pairs = new LinkedHashSet<>();
        boolean all = true;
        for (int i = 0; i < node.gaps.size(); i++) {
            int gap = node.gaps.get(i);
            if (gap >= 1 && gap <= MAX_DISTANCE) {
                pairs.add("'" + node.chain.get(i) + " " + gap + " " + node.chain.get(i + 1) + "'");
            } else {
                all = false;
            }
        }
        if (pairs.isEmpty()) {
            return new Part(text, text, false);
        }
        String read = String.join(" & ", pairs);
        return new Part(text, all && node.chain.size() == 2 ? read : "(" + text + ") & " + read, true);
    }

    /**
     * A part of the query: where it is in the text; {@code chain} its lexemes (still escaped as printed) when it is a
     * plain lexeme or a phrase of plain lexemes, with the distances between them in {@code gaps}; {@code conjuncts}
     * the parts of an unparenthesised {@code &}.
     */
    private static final class Node {
        int start;
        int end;
        List<String> chain;
        List<Integer> gaps = new ArrayList<>();
        List<Node> conjuncts;
        /** The operand of a !, and whether the node is in parentheses. */
        Node negated;
        boolean grouped;

        Node(int start, int end) {
            this.start = start;
            this.end = end;
        }
    }

    /** Recursive descent over tsquery text: | binds loosest, then &amp;, then the phrase operators, then !. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        char peek() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            return at < text.length() ? text.charAt(at) : 0;
        }

        Node or() {
            Node left = and();
            while (peek() == '|') {
                at++;
                Node right = and();
                Node both = new Node(left.start, right.end);
                left = both;
            }
            return left;
        }

        Node and() {
            Node first = phrase();
            if (peek() != '&') {
                return first;
            }
            Node all = new Node(first.start, first.end);
            all.conjuncts = new ArrayList<>(List.of(first));
            while (peek() == '&') {
                at++;
                Node next = phrase();
                all.conjuncts.add(next);
                all.end = next.end;
            }
            return all;
        }

        Node phrase() {
            Node left = unary();
            while (peek() == '<') {
                int close = text.indexOf('>', at);
                if (close < 0) {
                    throw new IllegalArgumentException(text);
                }
                String distance = text.substring(at + 1, close);
                at = close + 1;
                int gap = distance.equals("-") ? 1 : Integer.parseInt(distance);
                Node right = unary();
                Node both = new Node(left.start, right.end);
                if (left.chain != null && right.chain != null && right.chain.size() == 1) {
                    both.chain = new ArrayList<>(left.chain);
                    both.chain.add(right.chain.get(0));
                    both.gaps = new ArrayList<>(left.gaps);
                    both.gaps.add(gap);
                }
                left = both;
            }
            return left;
        }

        Node unary() {
            char c = peek();
            int start = at;
            if (c == '!') {
                at++;
                Node inner = unary();
                Node not = new Node(start, inner.end);
                not.negated = inner;
                return not;
            }
            if (c == '(') {
                at++;
                Node inner = or();
                if (peek() != ')') {
                    throw new IllegalArgumentException(text);
                }
                at++;
                Node group = new Node(start, at);
                group.chain = inner.chain;
                group.gaps = inner.gaps;
                group.grouped = true;
                return group;
            }
            if (c != '\'') {
                throw new IllegalArgumentException(text);
            }
            StringBuilder lexeme = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException(text);
                }
                char d = text.charAt(at);
                if (d == '\\' && at + 1 < text.length()) {
                    lexeme.append(d).append(text.charAt(at + 1));
                    at += 2;
                } else if (d == '\'' && at + 1 < text.length() && text.charAt(at + 1) == '\'') {
                    lexeme.append("''");
                    at += 2;
                } else if (d == '\'') {
                    at++;
                    break;
                } else {
                    lexeme.append(d);
                    at++;
                }
            }
            Node operand = new Node(start, at);
            if (at < text.length() && text.charAt(at) == ':') { // weights or prefix: not a plain lexeme
                at++;
                while (at < text.length() && "*ABCDabcd".indexOf(text.charAt(at)) >= 0) {
                    at++;
                }
                operand.end = at;
            } else {
                operand.chain = new ArrayList<>(List.of(lexeme.toString()));
            }
            return operand;
        }
    }
}
