package fr.trame.reception;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reception themes: the standard set of interchange.md, and the centre's own, which then import too. */
@Service
public class ThemeService {

    public record Theme(String code, String label, boolean builtin) {
    }

    public static final List<String> CHANNELS = List.of("accueil", "telephone", "rdv", "courriel", "domicile", "exterieur");

    static final Map<String, String> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("caf", "CAF");
        STANDARD.put("sante", "Santé");
        STANDARD.put("retraite", "Retraite");
        STANDARD.put("logement", "Logement");
        STANDARD.put("emploi", "Emploi");
        STANDARD.put("impots", "Impôts");
        STANDARD.put("titre_sejour", "Titre de séjour");
        STANDARD.put("numerique", "Numérique");
        STANDARD.put("scolarite", "Scolarité");
        STANDARD.put("juridique", "Juridique");
        STANDARD.put("budget", "Budget");
        STANDARD.put("autre", "Autre");
    }

    private final JdbcClient jdbc;

    public ThemeService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The centre's themes, the standard ones created the first time they are needed. */
    @Transactional
    public List<Theme> list(long centreId) {
        List<Theme> themes = query(centreId);
        if (themes.isEmpty()) {
            int position = 0;
            for (Map.Entry<String, String> t : STANDARD.entrySet()) {
                jdbc.sql("""
                        insert into reception_themes (centre_id, code, label, builtin, position) values (?, ?, ?, true, ?)
                        on conflict do nothing""").params(centreId, t.getKey(), t.getValue(), position += 10).update();
            }
            themes = query(centreId);
        }
        return themes;
    }

    private List<Theme> query(long centreId) {
        return jdbc.sql("select code, label, builtin from reception_themes where centre_id = ? order by position, label")
                .param(centreId).query(Theme.class).list();
    }

    /** Adds a theme of the centre; its code (for files) is the label without accents, in lower case. */
    @Transactional
    public Theme add(long centreId, String label) {
        list(centreId);
        String code = Normalizer.normalize(label.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase()
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        if (code.length() < 2) {
            throw new IllegalArgumentException("Nom de thème trop court.");
        }
        code = code.length() > 40 ? code.substring(0, 40) : code;
        jdbc.sql("""
                insert into reception_themes (centre_id, code, label, position)
                values (?, ?, ?, (select coalesce(max(position), 0) + 10 from reception_themes where centre_id = ?))
                on conflict (centre_id, code) do nothing""").params(centreId, code, label.trim(), centreId).update();
        return new Theme(code, label.trim(), false);
    }
}
