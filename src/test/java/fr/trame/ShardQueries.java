package fr.trame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The static half of the Citus check (docs/scale.md): in the SQL of a Java source, every distributed relation read,
 * updated or deleted must be pinned to one centre, by a comparison of its {@code centre_id} ({@code x.centre_id = ?},
 * {@code = :centre}, {@code = y.centre_id}, {@code in (…)}) or a {@code using (centre_id, …)} join. Without it Citus
 * would send the statement to every shard (a join on {@code x.id = y.person_id} alone is not even colocated).
 * <p>
 * A statement is the literals of one Java statement taken together ({@code "select …" + where + " order by …"}), plus
 * the text of the {@code String} constants or variables of the same file that it names ({@code SELECT + "where …"}).
 * It is a text check, not a parser: a comparison of the right column anywhere in the statement satisfies it.
 */
final class ShardQueries {

    /** A distributed relation used without a centre_id comparison, where. */
    record Offence(String file, int line, String relation, String alias) {
        @Override
        public String toString() {
            return file + ":" + line + " " + relation + (alias.equals(relation) ? "" : " " + alias) + " sans centre_id";
        }
    }

    private static final Pattern USE = Pattern.compile(
            "\\b(delete\\s+from|from|join|update)\\s+(?:only\\s+)?\\(*\\s*([a-z_][a-z0-9_]*)\\b(?!\\s*[.(])"
                    + "(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT_IN_LIST = Pattern.compile(
            "\\G\\s*,\\s*(?!lateral\\b)([a-z_][a-z0-9_]*)\\b(?!\\s*[.(])(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*))?",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> KEYWORDS = Set.of("on", "where", "join", "left", "right", "inner", "cross", "full",
            "group", "order", "limit", "offset", "union", "using", "natural", "lateral", "having", "window", "set", "values",
            "returning", "select", "and", "or", "except", "intersect", "for", "with", "tablesample");
    private static final Pattern NAMED = Pattern.compile("\\bString\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(?:\"\"\"\\s*|\")$");
    private static final Pattern METHOD = Pattern.compile("\\bString\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\([^)]*\\)\\s*$");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b");

    private ShardQueries() {
    }

    /** The offences of one Java source, given the distributed relations (tables and the views over them). */
    static List<Offence> in(String file, String source, Set<String> distributed) {
        List<Statement> statements = statements(source);
        Map<String, Statement> named = new HashMap<>();
        statements.stream().filter(s -> s.name() != null).forEach(s -> named.put(s.name(), s));
        Set<String> usedElsewhere = new HashSet<>();
        statements.forEach(s -> s.names().stream().filter(named::containsKey).forEach(usedElsewhere::add));
        Set<Offence> offences = new LinkedHashSet<>();
        for (Statement statement : statements) {
            if (statement.name() != null && usedElsewhere.contains(statement.name())) {
                continue; // a fragment: checked where it is used, with the rest of its statement
            }
            List<SqlRelations.Literal> literals = new ArrayList<>(statement.literals());
            Set<String> seen = new HashSet<>();
            List<String> names = new ArrayList<>(statement.names());
            while (!names.isEmpty()) {
                String name = names.remove(0);
                if (named.containsKey(name) && seen.add(name)) {
                    literals.addAll(named.get(name).literals());
                    names.addAll(named.get(name).names());
                }
            }
            StringBuilder evidence = new StringBuilder();
            literals.forEach(l -> evidence.append(l.text()).append(' '));
            List<String[]> found = new ArrayList<>();
            for (SqlRelations.Literal literal : literals) {
                for (int[] use : uses(literal.text(), distributed)) {
                    String relation = literal.text().substring(use[0], use[1]).toLowerCase();
                    String alias = use[2] < 0 ? relation : literal.text().substring(use[2], use[3]).toLowerCase();
                    found.add(new String[] {relation, alias, String.valueOf(literal.lineAt(use[0]))});
                }
            }
            Set<String> pinned = pinned(evidence.toString(), found);
            for (String[] use : found) {
                if (!pinned.contains(use[1])) {
                    offences.add(new Offence(file, Integer.parseInt(use[2]), use[0], use[1]));
                }
            }
        }
        return new ArrayList<>(offences);
    }

    /** A view's distributed relations, when it joins several: each must be equated on centre_id with the others. */
    static List<String> inView(String view, String definition, Set<String> distributed) {
        List<int[]> uses = uses(definition, distributed);
        List<String> offences = new ArrayList<>();
        if (uses.size() < 2) {
            return offences;
        }
        List<String[]> found = new ArrayList<>();
        for (int[] use : uses) {
            found.add(new String[] {definition.substring(use[0], use[1]).toLowerCase(),
                    use[2] < 0 ? definition.substring(use[0], use[1]).toLowerCase() : definition.substring(use[2], use[3]).toLowerCase()});
        }
        Set<String> joined = new HashSet<>();
        Matcher m = Pattern.compile("([a-z_][a-z0-9_]*)\\.centre_id\\s*=\\s*([a-z_][a-z0-9_]*)\\.centre_id\\b").matcher(definition);
        while (m.find()) {
            joined.add(m.group(1));
            joined.add(m.group(2));
        }
        for (String[] use : found) {
            if (!joined.contains(use[1])) {
                offences.add("vue " + view + " : " + use[0] + " " + use[1] + " joint sans centre_id");
            }
        }
        return offences;
    }

    /**
     * The aliases of the uses (relation, alias) pinned to one centre: compared with a parameter ({@code x.centre_id = ?},
     * {@code = :centre}; unqualified when the relation has no alias), or equated on centre_id with a pinned alias or
     * with a relation that is not distributed (a temporary table, a CTE, a reference table's centre); all of them
     * with {@code using (centre_id …)}. {@code = any(?)} and {@code in (…)} are several centres: not pinned.
     */
    private static Set<String> pinned(String sql, List<String[]> uses) {
        Set<String> aliases = new LinkedHashSet<>();
        Set<String> relations = new HashSet<>();
        uses.forEach(u -> {
            aliases.add(u[1]);
            relations.add(u[0]);
        });
        Set<String> pinned = new HashSet<>();
        if (Pattern.compile("using\\s*\\(\\s*centre_id\\b", Pattern.CASE_INSENSITIVE).matcher(sql).find()) {
            pinned.addAll(aliases);
        }
        String parameter = "(?:\\?|:[a-z_][a-z0-9_]*|cast\\(\\s*(?:\\?|:[a-z_][a-z0-9_]*)\\s+as\\s+bigint\\s*\\))";
        for (String alias : aliases) {
            String column = "(?<![\\w.])" + (relations.contains(alias) ? "(?:" + Pattern.quote(alias) + "\\.)?"
                    : Pattern.quote(alias) + "\\.") + "centre_id\\b";
            if (Pattern.compile(column + "\\s*=\\s*" + parameter + "|" + parameter + "\\s*=\\s*" + column,
                    Pattern.CASE_INSENSITIVE).matcher(sql).find()) {
                pinned.add(alias);
            }
        }
        List<String[]> equal = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w.])([a-z_][a-z0-9_]*)\\.centre_id\\s*=\\s*([a-z_][a-z0-9_]*)\\.centre_id\\b",
                Pattern.CASE_INSENSITIVE).matcher(sql);
        while (m.find()) {
            equal.add(new String[] {m.group(1).toLowerCase(), m.group(2).toLowerCase()});
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String[] e : equal) {
                for (int side = 0; side < 2; side++) {
                    String a = e[side];
                    String b = e[1 - side];
                    if (aliases.contains(a) && !pinned.contains(a) && (pinned.contains(b) || !aliases.contains(b))) {
                        pinned.add(a);
                        grew = true;
                    }
                }
            }
        }
        return pinned;
    }

    /** Where each distributed relation of a text is named: {relation start, end, alias start, end} (-1 without alias). */
    private static List<int[]> uses(String sql, Set<String> distributed) {
        List<int[]> uses = new ArrayList<>();
        Matcher m = USE.matcher(sql);
        while (m.find()) {
            add(uses, m, 2, 3, distributed);
            if (m.group(1).equalsIgnoreCase("from")) {
                int at = alias(m, 3) ? m.end(3) : m.end(2);
                Matcher next = NEXT_IN_LIST.matcher(sql);
                while (next.find(at) && next.start() == at) {
                    add(uses, next, 1, 2, distributed);
                    at = alias(next, 2) ? next.end(2) : next.end(1);
                }
            }
        }
        return uses;
    }

    private static void add(List<int[]> uses, Matcher m, int relation, int alias, Set<String> distributed) {
        if (distributed.contains(m.group(relation).toLowerCase())) {
            uses.add(alias(m, alias) ? new int[] {m.start(relation), m.end(relation), m.start(alias), m.end(alias)}
                    : new int[] {m.start(relation), m.end(relation), -1, -1});
        }
    }

    private static boolean alias(Matcher m, int group) {
        return m.group(group) != null && !KEYWORDS.contains(m.group(group).toLowerCase());
    }

    /**
     * A Java statement (the source between two {@code ;}, {@code {} or {@code }} outside literals): its literals, the
     * identifiers of its code, and the name it gives its text when it is {@code String NAME = "…"}. A method returning
     * a String is one too, named after the method, with the literals of its body.
     */
    record Statement(List<SqlRelations.Literal> literals, List<String> names, String name) {
    }

    private static List<Statement> statements(String source) {
        List<SqlRelations.Literal> all = SqlRelations.literals(source);
        List<Statement> statements = new ArrayList<>();
        Deque<Statement> methods = new ArrayDeque<>(); // the open String methods, their literals so far
        Map<String, Integer> depthOf = new HashMap<>();
        int depth = 0;
        int from = 0;
        int next = 0;
        while (from < source.length()) {
            List<SqlRelations.Literal> literals = new ArrayList<>();
            StringBuilder code = new StringBuilder();
            String name = null;
            int at = from;
            while (at < source.length()) {
                if (next < all.size() && all.get(next).start() == at) {
                    if (literals.isEmpty()) {
                        Matcher m = NAMED.matcher(code.toString().stripTrailing());
                        name = m.find() ? m.group(1) : null;
                    }
                    literals.add(all.get(next));
                    code.append(' ');
                    at = all.get(next++).end();
                } else if (";{}".indexOf(source.charAt(at)) >= 0) {
                    break;
                } else {
                    code.append(source.charAt(at++));
                }
            }
            List<String> names = new ArrayList<>();
            Matcher m = IDENTIFIER.matcher(code);
            while (m.find()) {
                if (!m.group().equals(name)) {
                    names.add(m.group());
                }
            }
            if (!literals.isEmpty() || !names.isEmpty()) {
                statements.add(new Statement(literals, names, name));
                for (Statement method : methods) {
                    method.literals().addAll(literals);
                    names.stream().filter(n -> !n.equals(method.name())).forEach(method.names()::add);
                }
            }
            char boundary = at < source.length() ? source.charAt(at) : ';';
            if (boundary == '{') {
                depth++;
                Matcher method = METHOD.matcher(code);
                if (method.find()) {
                    methods.push(new Statement(new ArrayList<>(), new ArrayList<>(), method.group(1)));
                    depthOf.put(method.group(1), depth);
                }
            } else if (boundary == '}') {
                while (!methods.isEmpty() && depthOf.get(methods.peek().name()) >= depth) {
                    statements.add(methods.pop());
                }
                depth--;
            }
            from = at + 1;
        }
        return statements;
    }
}
