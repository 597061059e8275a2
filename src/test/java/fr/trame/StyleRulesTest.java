package fr.trame;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pattern of checkstyle.xml that refuses fully qualified type names in code: it must catch them wherever code
 * names a type, and leave alone import and package lines, SQL, property names and class names written as text.
 */
class StyleRulesTest {

    @Test
    void qualifiedTypeNamesAreFoundInCodeOnly() throws Exception {
        Pattern qualified = Pattern.compile(checkFormat("QualifiedTypeName"));
        List<String> refused = List.of(
                "        Map<Long, String> choices = new java.util.LinkedHashMap<>();",
                "    private final fr.trame.catalogue.CatalogueService catalogue;",
                "        } catch (org.springframework.dao.DataIntegrityViolationException e) {",
                "    private final JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();",
                "        java.util.Set<String> parts = Set.of(\"import\");",
                "            return java.time.LocalDate.parse(value);",
                "        Object v = value instanceof java.sql.Array array ? array.getArray() : value;",
                "        DataSource d = (javax.sql.DataSource) bean;",
                "    @org.junit.jupiter.api.Test",
                "        fr.trame.TrameApplication.main(args);",
                "        String label = \"x\" + com.example.Labels.of(code);");
        List<String> accepted = List.of(
                "import java.util.List;",
                "import static org.assertj.core.api.Assertions.assertThat;",
                "package fr.trame.cli;",
                "        jdbc.sql(\"select a.id, s.name from activities a join sectors s on s.id = a.sector_id\")",
                "                select o.id from project_objectives o where o.centre_id = :centre",
                "        putIfSet(props, \"trame.db.url\", env.get(\"TRAME_DB_URL\"));",
                "        Class.forName(\"org.postgresql.Driver\");",
                "                where kind = 'java.util.List' and centre_id = :centre",
                "        assertThat(garden.get(CatalogueFormat.Field.STATUS)).containsExactly(\"Terminée\");",
                "        Map.Entry<String, Object> entry = record.get(Field.STATUS);",
                "        Files.writeString(file, text, StandardCharsets.UTF_8);",
                "        String organisation = org.name() + com.label();");
        assertThat(refused).allMatch(line -> qualified.matcher(line).find());
        assertThat(accepted).noneMatch(line -> qualified.matcher(line).find());
    }

    /** The {@code format} of the check with that id in checkstyle.xml. */
    private static String checkFormat(String id) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        NodeList modules = builder.parse(new File("checkstyle.xml")).getElementsByTagName("module");
        for (int m = 0; m < modules.getLength(); m++) {
            Element module = (Element) modules.item(m);
            String format = null;
            boolean found = false;
            NodeList properties = module.getElementsByTagName("property");
            for (int p = 0; p < properties.getLength(); p++) {
                Element property = (Element) properties.item(p);
                if (property.getParentNode() != module) {
                    continue;
                }
                found |= property.getAttribute("name").equals("id") && property.getAttribute("value").equals(id);
                format = property.getAttribute("name").equals("format") ? property.getAttribute("value") : format;
            }
            if (found) {
                return format;
            }
        }
        throw new AssertionError("checkstyle.xml has no check " + id);
    }
}
