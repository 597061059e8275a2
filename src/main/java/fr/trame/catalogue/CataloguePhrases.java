package fr.trame.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a French tsquery (as PostgreSQL prints it) so that its quoted phrases are answered by the pair lexemes
 * of the documents (V77): {@code 'caf' <2> 'parent'} becomes {@code 'caf 2 parent'}, which the GIN index answers
 * without reading any document back. A phrase of two lexemes is replaced by its pair (a document has the pair exactly
 * when it matches the phrase); a longer one, or one with a distance over {@link #MAX_DISTANCE}, keeps the phrase and
 * gains its pairs, so that only the documents having them all are rechecked. Phrases under {@code |} or {@code !}
 * are left as they are (still correct, only slower).
 */
final class CataloguePhrases {

    /** The largest distance between two lexemes that the documents hold pairs for (catalogue_pairs in V77). */
    static final int MAX_DISTANCE = 3;

    private CataloguePhrases() {
    }

    /** The query with its phrases answered by pairs, or the query itself when it has no phrase to rewrite. */
    static String rewrite(String tsquery) {
        Parser parser = new Parser(tsquery);
        Node top;
        try {
            top = parser.or();
            if (parser.peek() != 0) {
                return tsquery;
            }
        } catch (IllegalArgumentException e) {
            return tsquery;
        }
        List<Node> conjuncts = top.conjuncts != null ? top.conjuncts : List.of(top);
        List<String> rest = new ArrayList<>();
        Set<String> pairs = new LinkedHashSet<>();
        for (Node c : conjuncts) {
            String text = tsquery.substring(c.start, c.end).trim();
            if (c.chain == null || c.chain.size() < 2) {
                rest.add(text);
                continue;
            }
            boolean replaced = c.chain.size() == 2;
            for (int i = 0; i < c.gaps.size(); i++) {
                int gap = c.gaps.get(i);
                if (gap >= 1 && gap <= MAX_DISTANCE) {
                    pairs.add("'" + c.chain.get(i) + " " + gap + " " + c.chain.get(i + 1) + "'");
                } else {
                    replaced = false;
                }
            }
            if (!replaced) {
                rest.add(text);
            }
        }
        if (pairs.isEmpty()) {
            return tsquery;
        }
        rest.addAll(pairs);
        return String.join(" & ", rest);
    }

    /** A query that is only plain lexemes joined by &amp;, some negated: each as printed, quotes included. */
    record Conjunction(List<String> with, List<String> without) {
    }

    /** The query as a {@link Conjunction}, or null when it is anything else (a phrase, an |, a weight...). */
    static Conjunction conjunction(String tsquery) {
        Parser parser = new Parser(tsquery);
        Node top;
        try {
            top = parser.or();
            if (parser.peek() != 0) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<String> with = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Node c : top.conjuncts != null ? top.conjuncts : List.of(top)) {
            Node lexeme = c.negated != null ? c.negated : c;
            if (lexeme.chain == null || lexeme.chain.size() != 1 || lexeme.grouped) {
                return null;
            }
            (c.negated != null ? without : with).add("'" + lexeme.chain.get(0) + "'");
        }
        return with.isEmpty() ? null : new Conjunction(with, without);
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
