package fr.trame.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The application's pages and forms, read from its handler mappings, and ids of a centre's rows to put in them. */
final class AppEndpoints {

    private AppEndpoints() {
    }

    record Endpoint(RequestMethod method, String pattern) {
        boolean post() {
            return method == RequestMethod.POST;
        }

        /** Path variables other than the centre and a year. */
        boolean hasPathIds() {
            return pattern.replace("{centre}", "").replace("{year}", "").contains("{");
        }

        String url(String centre, String id) {
            return pattern.replace("{centre}", centre).replace("{year}", "2025").replaceAll("\\{[^}]+}", id);
        }
    }

    /** Every page and form of a centre except the uploads, which have their own tests (multipart, all or nothing). */
    static List<Endpoint> ofCentre(RequestMappingHandlerMapping mappings) {
        List<Endpoint> list = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/c/{centre}") || pattern.endsWith("/import")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    list.add(new Endpoint(m, pattern));
                }
            }
        }
        list.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return list;
    }

    /** The first, middle and last id of each of the centre's tables (and two of its users): every kind of reference. */
    static List<String> ids(JdbcClient jdbc, long centreId) {
        TreeSet<Long> ids = new TreeSet<>();
        for (String table : tenantTablesWithId(jdbc)) {
            ids.addAll(jdbc.sql("select min(id) from " + table + " where centre_id = ? having count(*) > 0 union "
                            + "select max(id) from " + table + " where centre_id = ? having count(*) > 0 union "
                            + "(select id from " + table + " where centre_id = ? order by id offset "
                            + "(select count(*) / 2 from " + table + " where centre_id = ?) limit 1)")
                    .params(centreId, centreId, centreId, centreId).query(Long.class).list());
        }
        ids.addAll(jdbc.sql("select user_id from user_roles where centre_id = ? order by user_id limit 2")
                .param(centreId).query(Long.class).list());
        return ids.stream().map(String::valueOf).toList();
    }

    static List<String> tenantTablesWithId(JdbcClient jdbc) {
        return jdbc.sql("""
                select c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                where c.table_schema = 'public' and c.column_name = 'id' and t.table_type = 'BASE TABLE'
                  and exists (select 1 from information_schema.columns k where k.table_schema = 'public'
                              and k.table_name = c.table_name and k.column_name = 'centre_id')
                order by 1""").query(String.class).list();
    }
}
