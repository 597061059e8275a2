package fr.trame.demo;

import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.UserService;
import fr.trame.database.CentreCopy;
import fr.trame.federation.Federation;
import fr.trame.federation.FederationRole;
import fr.trame.federation.FederationService;
import fr.trame.federation.Structure;
import fr.trame.federation.StructureFilter;
import fr.trame.federation.StructureImporter;
import fr.trame.federation.StructureService;
import fr.trame.federation.Territory;
import fr.trame.federation.TerritoryService;
import fr.trame.form.Refused;
import fr.trame.senacs.ReturnService;
import fr.trame.senacs.SenacsReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static fr.trame.demo.DemoService.utf8;

/**
 * {@code demo --size l}: a demonstration federation shaped like seed 004 (a regional federation's 2023 report): 13
 * Assemblées Territoriales, two thematic networks across them, 179 member structures (139 CS and 1 EVS in the Nord,
 * 38 CS and 1 EVS in the Pas-de-Calais) with their dated statuses, memberships, contacts and agréments, its
 * direction, four délégués (one AT group changed hands in mid-2023), a reader, and three structures that run Trame,
 * generated as the demonstration centre is. Names of structures, associations and people are invented; communes,
 * EPCI and CAF antennas are the region's. It owns no table: the registry goes through structures.csv (three dated
 * imports, as a federation would send its file over the years) and the federation's services.
 * Then every {@link FederationDemoPart} fills its own records.
 */
@Service
public class DemoFederation {

    public static final String CODE = "npdc";
    public static final String NAME = "Fédération des centres sociaux Nord – Pas-de-Calais (démonstration)";
    /** The change of délégué of seed 004 (« Marez, puis Backe »): the successor starts on that day. */
    public static final LocalDate HANDOVER = LocalDate.of(2023, 7, 1);
    /** Rexpoëde's municipal centre becomes associative on that day (seed 004, Flandre Intérieure). */
    public static final LocalDate PASSAGE_ASSOCIATIF = LocalDate.of(2023, 9, 1);

    private static final Logger log = LoggerFactory.getLogger(DemoFederation.class);

    /** An account the demonstration created, with its generated password (to change at first login). */
    public record Login(long userId, String username, String displayName, FederationRole role, String password,
                        List<String> territories) {
    }

    public record Result(Federation federation, int structures, List<Centre> centres, List<Login> logins) {
    }

    /** A group of structures of an AT in one commune. */
    private record Place(String commune, String epci, String caf, int count) {
    }

    private record At(String name, String departement, String key, List<Place> places) {
    }

    private static Place p(String commune, String epci, String caf, int count) {
        return new Place(commune, epci, caf, count);
    }

    private static final String MEL = "Métropole Européenne de Lille";
    private static final String CAF59 = "CAF du Nord – ";
    private static final String CAF62 = "CAF du Pas-de-Calais – ";

    /** The 13 ATs of seed 004, their sizes as the report gives them where it does, and their communes. */
    private static final List<At> ATS = List.of(
            new At("Artois Audomarois", "62", "AUD", List.of(
                    p("Saint-Omer", "CA du Pays de Saint-Omer", CAF62 + "Saint-Omer", 2),
                    p("Arques", "CA du Pays de Saint-Omer", CAF62 + "Saint-Omer", 1),
                    p("Longuenesse", "CA du Pays de Saint-Omer", CAF62 + "Saint-Omer", 1),
                    p("Aire-sur-la-Lys", "CA du Pays de Saint-Omer", CAF62 + "Saint-Omer", 1),
                    p("Fruges", "CC du Haut Pays du Montreuillois", CAF62 + "Montreuil", 1),
                    p("Hesdin", "CC des 7 Vallées", CAF62 + "Montreuil", 1),
                    p("Bruay-la-Buissière", "CA de Béthune-Bruay, Artois-Lys Romane", CAF62 + "Bruay-la-Buissière", 1),
                    p("Lillers", "CA de Béthune-Bruay, Artois-Lys Romane", CAF62 + "Béthune", 1),
                    p("Isbergues", "CA de Béthune-Bruay, Artois-Lys Romane", CAF62 + "Béthune", 1))),
            new At("Bassin Minier", "62", "BMI", List.of(
                    p("Lens", "CA de Lens-Liévin", CAF62 + "Lens", 3),
                    p("Liévin", "CA de Lens-Liévin", CAF62 + "Lens", 2),
                    p("Mazingarbe", "CA de Béthune-Bruay, Artois-Lys Romane", CAF62 + "Lens", 2),
                    p("Noyelles-sous-Lens", "CA de Lens-Liévin", CAF62 + "Lens", 1),
                    p("Hénin-Beaumont", "CA d'Hénin-Carvin", CAF62 + "Hénin-Beaumont", 1),
                    p("Carvin", "CA d'Hénin-Carvin", CAF62 + "Hénin-Beaumont", 1))),
            new At("Littoral 62", "62", "LIT", List.of(
                    p("Boulogne-sur-Mer", "CA du Boulonnais", CAF62 + "Boulogne-sur-Mer", 3),
                    p("Saint-Martin-Boulogne", "CA du Boulonnais", CAF62 + "Boulogne-sur-Mer", 4),
                    p("Outreau", "CA du Boulonnais", CAF62 + "Boulogne-sur-Mer", 1),
                    p("Wimereux", "CA du Boulonnais", CAF62 + "Boulogne-sur-Mer", 1),
                    p("Berck", "CA des Deux Baies en Montreuillois", CAF62 + "Montreuil", 1),
                    p("Calais", "CA Grand Calais Terres et Mers", CAF62 + "Calais", 3),
                    p("Marck", "CA Grand Calais Terres et Mers", CAF62 + "Calais", 1))),
            new At("Arrageois", "62", "ARR", List.of(
                    p("Arras", "CU d'Arras", CAF62 + "Arras", 2),
                    p("Achicourt", "CU d'Arras", CAF62 + "Arras", 1),
                    p("Saint-Laurent-Blangy", "CU d'Arras", CAF62 + "Arras", 1))),
            new At("Cambrésis", "59", "CAM", List.of(
                    p("Cambrai", "CA de Cambrai", CAF59 + "Cambrai", 4),
                    p("Caudry", "CA du Caudrésis et du Catésis", CAF59 + "Cambrai", 2),
                    p("Le Cateau-Cambrésis", "CA du Caudrésis et du Catésis", CAF59 + "Cambrai", 1),
                    p("Solesmes", "CC du Pays Solesmois", CAF59 + "Cambrai", 1))),
            new At("Douaisis", "59", "DOU", List.of(
                    p("Douai", "Douaisis Agglo", CAF59 + "Douai", 5),
                    p("Sin-le-Noble", "Douaisis Agglo", CAF59 + "Douai", 2),
                    p("Waziers", "Douaisis Agglo", CAF59 + "Douai", 1),
                    p("Cuincy", "Douaisis Agglo", CAF59 + "Douai", 1),
                    p("Lallaing", "Douaisis Agglo", CAF59 + "Douai", 1),
                    p("Aniche", "CC Cœur d'Ostrevent", CAF59 + "Douai", 1),
                    p("Somain", "CC Cœur d'Ostrevent", CAF59 + "Douai", 1))),
            new At("Sambre-Avesnois", "59", "SAV", List.of(
                    p("Maubeuge", "CA Maubeuge Val de Sambre", CAF59 + "Maubeuge", 3),
                    p("Louvroil", "CA Maubeuge Val de Sambre", CAF59 + "Maubeuge", 1),
                    p("Ferrière-la-Grande", "CA Maubeuge Val de Sambre", CAF59 + "Maubeuge", 1),
                    p("Aulnoye-Aymeries", "CC du Pays de Mormal", CAF59 + "Maubeuge", 1),
                    p("Landrecies", "CC du Pays de Mormal", CAF59 + "Maubeuge", 1),
                    p("Avesnes-sur-Helpe", "CC du Cœur de l'Avesnois", CAF59 + "Avesnes-sur-Helpe", 1),
                    p("Fourmies", "CC du Sud-Avesnois", CAF59 + "Avesnes-sur-Helpe", 1),
                    p("Trélon", "CC du Sud-Avesnois", CAF59 + "Avesnes-sur-Helpe", 1),
                    p("Glageon", "CC du Sud-Avesnois", CAF59 + "Avesnes-sur-Helpe", 1))),
            new At("Valenciennois", "59", "VAL", List.of(
                    p("Valenciennes", "CA Valenciennes Métropole", CAF59 + "Valenciennes", 6),
                    p("Marly", "CA Valenciennes Métropole", CAF59 + "Valenciennes", 2),
                    p("Onnaing", "CA Valenciennes Métropole", CAF59 + "Valenciennes", 1),
                    p("Saint-Saulve", "CA Valenciennes Métropole", CAF59 + "Valenciennes", 1),
                    p("Anzin", "CA Valenciennes Métropole", CAF59 + "Valenciennes", 1),
                    p("Quiévrechain", "CA Valenciennes Métropole", CAF59 + "Valenciennes", 1),
                    p("Condé-sur-l'Escaut", "CA Valenciennes Métropole", CAF59 + "Valenciennes", 1),
                    p("Fresnes-sur-Escaut", "CA Valenciennes Métropole", CAF59 + "Valenciennes", 1),
                    p("Denain", "CA de la Porte du Hainaut", CAF59 + "Denain", 2),
                    p("Douchy-les-Mines", "CA de la Porte du Hainaut", CAF59 + "Denain", 1),
                    p("Raismes", "CA de la Porte du Hainaut", CAF59 + "Valenciennes", 2),
                    p("Trith-Saint-Léger", "CA Valenciennes Métropole", CAF59 + "Valenciennes", 1))),
            new At("Flandre Intérieure", "59", "FLI", List.of(
                    p("Hazebrouck", "CC de Flandre Intérieure", CAF59 + "Hazebrouck", 2),
                    p("Bailleul", "CC de Flandre Intérieure", CAF59 + "Hazebrouck", 1),
                    p("Steenvoorde", "CC de Flandre Intérieure", CAF59 + "Hazebrouck", 1),
                    p("La Gorgue", "CC Flandre Lys", CAF59 + "Hazebrouck", 1),
                    p("Merville", "CC Flandre Lys", CAF59 + "Hazebrouck", 1),
                    p("Estaires", "CC Flandre Lys", CAF59 + "Hazebrouck", 1),
                    p("Rexpoëde", "CC des Hauts de Flandre", CAF59 + "Dunkerque", 1),
                    p("Wormhout", "CC des Hauts de Flandre", CAF59 + "Dunkerque", 1))),
            new At("Flandre Maritime", "59", "FLM", List.of(
                    p("Dunkerque", "CU de Dunkerque", CAF59 + "Dunkerque", 6),
                    p("Grande-Synthe", "CU de Dunkerque", CAF59 + "Dunkerque", 2),
                    p("Coudekerque-Branche", "CU de Dunkerque", CAF59 + "Dunkerque", 2),
                    p("Saint-Pol-sur-Mer", "CU de Dunkerque", CAF59 + "Dunkerque", 1),
                    p("Téteghem", "CU de Dunkerque", CAF59 + "Dunkerque", 1),
                    p("Gravelines", "CU de Dunkerque", CAF59 + "Dunkerque", 1),
                    p("Grand-Fort-Philippe", "CU de Dunkerque", CAF59 + "Dunkerque", 1),
                    p("Loon-Plage", "CU de Dunkerque", CAF59 + "Dunkerque", 1),
                    p("Bourbourg", "CU de Dunkerque", CAF59 + "Dunkerque", 1))),
            new At("MEL Nord", "59", "MLN", List.of(
                    p("Roubaix", MEL, CAF59 + "Roubaix", 6),
                    p("Tourcoing", MEL, CAF59 + "Tourcoing", 5),
                    p("Wattrelos", MEL, CAF59 + "Roubaix", 4),
                    p("Hem", MEL, CAF59 + "Roubaix", 2),
                    p("Croix", MEL, CAF59 + "Roubaix", 1),
                    p("Wasquehal", MEL, CAF59 + "Roubaix", 1),
                    p("Halluin", MEL, CAF59 + "Tourcoing", 1))),
            new At("MEL Centre", "59", "MLC", List.of(
                    p("Lille", MEL, CAF59 + "Lille", 12),
                    p("Villeneuve-d'Ascq", MEL, CAF59 + "Lille", 4),
                    p("Mons-en-Barœul", MEL, CAF59 + "Lille", 2),
                    p("Lomme", MEL, CAF59 + "Lille", 2),
                    p("Lambersart", MEL, CAF59 + "Lille", 1),
                    p("La Madeleine", MEL, CAF59 + "Lille", 1),
                    p("Marcq-en-Barœul", MEL, CAF59 + "Tourcoing", 1),
                    p("Hellemmes", MEL, CAF59 + "Lille", 1),
                    p("Loos", MEL, CAF59 + "Lille", 1))),
            new At("MEL Sud", "59", "MLS", List.of(
                    p("Faches-Thumesnil", MEL, CAF59 + "Lille", 1),
                    p("Ronchin", MEL, CAF59 + "Lille", 2),
                    p("Lezennes", MEL, CAF59 + "Lille", 1),
                    p("Lesquin", MEL, CAF59 + "Lille", 1),
                    p("Seclin", MEL, CAF59 + "Lille", 2),
                    p("Wattignies", MEL, CAF59 + "Lille", 1),
                    p("Haubourdin", MEL, CAF59 + "Lille", 2),
                    p("Emmerin", MEL, CAF59 + "Lille", 1),
                    p("Santes", MEL, CAF59 + "Lille", 1),
                    p("Wavrin", MEL, CAF59 + "Lille", 1),
                    p("Templemars", MEL, CAF59 + "Lille", 1),
                    p("Vendeville", MEL, CAF59 + "Lille", 1),
                    p("Annœullin", MEL, CAF59 + "Lille", 1),
                    p("Sequedin", MEL, CAF59 + "Lille", 1),
                    p("Hallennes-lez-Haubourdin", MEL, CAF59 + "Lille", 1))));

    /** Associations that run several centres of one commune (seed 004: « les quatre centres sociaux de l'association… »). */
    private static final Map<String, String> MANAGING = Map.of(
            "Saint-Martin-Boulogne", "Association Cap sur la Côte d'Opale",
            "Valenciennes", "Association Les Quartiers du Hainaut",
            "Maubeuge", "Association Val de Sambre Solidarités",
            "Wattrelos", "Association Les Quatre Vents",
            "Mazingarbe", "Association Les Trois Puits");
    /** Communes whose first centre is run by the town. */
    private static final Set<String> MUNICIPAL = Set.of("Lens", "Liévin", "Aniche", "Rexpoëde", "Grande-Synthe", "Louvroil",
            "Cuincy", "Wattignies", "Halluin", "Loon-Plage", "Saint-Pol-sur-Mer", "Caudry", "Arques", "Achicourt", "Hénin-Beaumont");
    /** Communes whose first centre recruited a new director in 2023 (seed 004 names such recruitments). */
    private static final Map<String, LocalDate> DIRECTOR_CHANGES = Map.of(
            "Mazingarbe", LocalDate.of(2023, 3, 1), "Berck", LocalDate.of(2023, 5, 15), "Outreau", LocalDate.of(2023, 9, 4),
            "Cambrai", LocalDate.of(2023, 10, 2), "Caudry", LocalDate.of(2023, 1, 9), "Fourmies", LocalDate.of(2023, 6, 1));

    private static final String[] KINDS_OF_CENTRE = {"Centre social", "Centre social", "Centre social", "Maison de quartier",
        "Centre socioculturel", "Maison pour tous"};
    private static final String[] NAMES = {"Les Genêts", "Les Peupliers", "L'Arc-en-ciel", "Le Colibri", "La Ruche",
        "L'Envol", "La Clairière", "Les Glycines", "Le Kiosque", "Le Carrefour", "Les Coquelicots", "Les Acacias",
        "Les Hirondelles", "La Source", "Les Marronniers", "Le Beffroi", "La Houblonnière", "Les Terrils", "Le Cerf-Volant",
        "La Fontaine", "Les Tisserands", "Le Moulin Blanc", "La Briqueterie", "Les Dunes", "La Digue", "Le Canal",
        "Les Écluses", "Le Chevalement", "La Filature", "Le Jardin d'Hiver", "Les Saules", "Le Bocage", "Les Quatre Saisons",
        "L'Estacade", "Le Grand Large", "Le Bosquet", "Les Cerisiers", "La Verrière", "Les Alouettes", "L'Oasis",
        "Le Pont-Levis", "La Gare", "Les Lavandières", "Le Vivier", "La Cité Verte", "Les Charmilles", "Le Bon Voisin",
        "La Roseraie", "Les Primevères", "Le Phénix", "La Marelle", "Le Beau Site", "Les Sources Vives", "Le Belvédère"};

    /** The three structures that run Trame: AT and commune of the structure, centre code, size. */
    private record TrameCentre(String at, String commune, String code, DemoData.Size size, String postcode) {
    }

    private static final List<TrameCentre> TRAME_CENTRES = List.of(
            new TrameCentre("Bassin Minier", "Lens", "npdc-lens", DemoData.Size.S, "62300"),
            new TrameCentre("Valenciennois", "Valenciennes", "npdc-valenciennes", DemoData.Size.S, "59300"),
            new TrameCentre("Flandre Intérieure", "Hazebrouck", "npdc-hazebrouck", DemoData.Size.S, "59190"));

    private final FederationService federations;
    private final TerritoryService territories;
    private final StructureImporter importer;
    private final StructureService structures;
    private final DemoService demo;
    private final ObjectProvider<FederationDemoPart> parts;
    private final CentreService centreService;
    private final TransactionTemplate transaction;
    private CentreCopy centreCopy;
    private ReturnService senacsReturns;
    private DemoSenacsStructureReturns senacsAnswers;
    private JdbcClient jdbc;

    /** What the federation of 200 centres needs (injected apart, the constructor stays as it is). */
    @Autowired
    void setAtScale(CentreCopy centreCopy, ReturnService senacsReturns, DemoSenacsStructureReturns senacsAnswers,
                    JdbcClient jdbc) {
        this.centreCopy = centreCopy;
        this.senacsReturns = senacsReturns;
        this.senacsAnswers = senacsAnswers;
        this.jdbc = jdbc;
    }

    public DemoFederation(FederationService federations, TerritoryService territories, StructureImporter importer,
                          StructureService structures, DemoService demo, ObjectProvider<FederationDemoPart> parts,
                          CentreService centreService, PlatformTransactionManager transactions) {
        this.centreService = centreService;
        this.transaction = new TransactionTemplate(transactions);
        this.federations = federations;
        this.territories = territories;
        this.importer = importer;
        this.structures = structures;
        this.demo = demo;
        this.parts = parts;
    }

    /** One structure of the registry while it is drawn: its history as the three imports will carry it. */
    private static final class Draft {
        String ref;
        String name;
        String kind = "cs";
        At at;
        Place place;
        int rank; // 0 for the commune's first structure of this AT
        String association;
        String status = "associatif";
        String laterStatus;
        final List<String[]> memberships = new ArrayList<>(); // {state, date}
        LocalDate previousStart;
        LocalDate previousEnd;
        LocalDate currentStart;
        LocalDate currentEnd;
        String centreCode;
    }

    /**
     * The three Trame centres, each generated and committed as {@code demo --size s} makes its centre (its own
     * transaction, statistics refreshed at the end), then the federation in one transaction. {@code centreRecords}
     * false makes the centres with their identity only (tests: their records are those of {@code demo --size s}). A
     * centre of that code already there (an earlier run stopped half-way) is linked as it is, not filled twice.
     */
    public Result generate(LocalDate today, boolean centreRecords) {
        long started = System.nanoTime();
        if (federations.findByCode(CODE).isPresent()) {
            throw new Refused("size", "La fédération de démonstration « " + CODE + " » existe déjà dans cette base.");
        }
        Random random = new Random(2023);
        List<Draft> drafts = draw(random, today);

        List<Centre> centres = new ArrayList<>();
        for (TrameCentre t : TRAME_CENTRES) {
            Draft d = drafts.stream().filter(x -> x.at.name().equals(t.at()) && x.place.commune().equals(t.commune()))
                    .findFirst().orElseThrow();
            d.centreCode = t.code();
            DemoService.Spec spec = new DemoService.Spec(t.code(), d.name + " (" + t.commune() + ")",
                    (1 + random.nextInt(60)) + " rue " + pick(random, new String[] {"Jean Jaurès", "Pasteur", "de la Gare",
                        "Victor Hugo", "Roger Salengro"}), t.postcode(), t.commune(), phone(random, d.at.departement()),
                    "accueil@" + t.code() + ".invalid", DemoService.DEFAULT.seed());
            long centreStarted = System.nanoTime();
            boolean fill = centreRecords && centreService.findByCode(t.code()).isEmpty();
            centres.add(fill ? demo.generate(t.size(), spec) : demo.centre(spec));
            log.info("Centre Trame {} de la fédération de démonstration en {} ms", t.code(),
                    (System.nanoTime() - centreStarted) / 1_000_000);
        }
        Result result = transaction.execute(status -> registry(drafts, centres, today, random));
        log.info("Fédération de démonstration {} remplie en {} ms", CODE, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** The federation of {@code demo --size l}: every structure of its registry runs Trame. */
    public static final int CENTRES_AT_SCALE = 200;
    /** Its large centres (size M), the first structure of each of these communes; the others are of size S. */
    private static final List<String> M_COMMUNES = List.of("Lille", "Roubaix", "Dunkerque", "Calais");

    /**
     * {@code demo --size l}: the federation of seed 004 grown to {@code centres} structures, each one a Trame centre,
     * the first of Lille, Roubaix, Dunkerque and Calais of size M, the others of size S. Two centres are generated as
     * {@code demo --size s|m} makes its centre (their SENACS returns of the last two years submitted, the answers no
     * figure gives drawn as the federation's own), and every other one is a copy of the one of its size
     * ({@link CentreCopy}: set-based, a few seconds each), so that 200 centres take minutes, not hours. {@code centreM}
     * given (the bench's M centre, already filled), it is the first large centre and the model of the others;
     * {@code centreS} likewise for the small ones (tests: a few rows).
     * {@code progress} gets a line every few centres. Statistics are refreshed at the end (vacuum analyze).
     */
    public Result generateAtScale(LocalDate today, int centres, Centre centreM, Centre centreS, Consumer<String> progress) {
        long started = System.nanoTime();
        if (federations.findByCode(CODE).isPresent()) {
            throw new Refused("size", "La fédération de démonstration « " + CODE + " » existe déjà dans cette base.");
        }
        Random random = new Random(2023);
        List<Draft> drafts = draw(random, today);
        Set<String> names = drafts.stream().map(d -> d.name).collect(Collectors.toCollection(HashSet::new));
        for (int i = 0; drafts.size() < centres; i++) {
            drafts.add(extra(random, today, names, i));
        }
        while (drafts.size() > centres) {
            drafts.remove(drafts.size() - 1);
        }
        List<Draft> large = new ArrayList<>();
        for (String commune : M_COMMUNES) {
            drafts.stream().filter(d -> d.place.commune().equals(commune) && d.kind.equals("cs")).findFirst()
                    .filter(d -> large.size() < centres).ifPresent(large::add);
        }
        for (Draft d : drafts) {
            d.centreCode = TRAME_CENTRES.stream().filter(t -> t.at().equals(d.at.name()) && t.commune().equals(d.place.commune()))
                    .map(TrameCentre::code).findFirst().filter(c -> drafts.stream().noneMatch(o -> c.equals(o.centreCode)))
                    .orElse(large.contains(d) ? "npdc-" + slug(d.place.commune()) : "npdc-" + d.ref.toLowerCase());
        }
        large.sort(Comparator.comparingInt(drafts::indexOf)); // a given model is the first of its size met
        if (centreM != null && !large.isEmpty()) {
            large.get(0).centreCode = centreM.code();
        }
        drafts.stream().filter(d -> !large.contains(d)).findFirst().filter(d -> centreS != null)
                .ifPresent(d -> d.centreCode = centreS.code());
        int last = today.getYear() - 1;
        List<Centre> made = new ArrayList<>();
        Centre modelM = null;
        Centre modelS = null;
        int n = 0;
        for (Draft d : drafts) {
            boolean isLarge = large.contains(d);
            Centre model = isLarge ? modelM : modelS;
            Centre centre;
            long t0 = System.nanoTime();
            Centre given = isLarge ? centreM : centreS;
            if (model == null && given != null) {
                centre = given;
                submitSenacs(centre, last, random);
                if (isLarge) {
                    modelM = centre;
                } else {
                    modelS = centre;
                }
            } else if (model == null) {
                centre = demo.generate(isLarge ? DemoData.Size.M : DemoData.Size.S, spec(d, random));
                submitSenacs(centre, last, random);
                if (isLarge) {
                    modelM = centre;
                } else {
                    modelS = centre;
                }
            } else {
                centre = demo.centre(spec(d, random));
                centreCopy.copy(model.id(), centre.id());
            }
            made.add(centre);
            n++;
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (model == null || n % 10 == 0 || n == drafts.size()) {
                String how = model != null ? ", copie" : given != null ? ", modèle" : ", modèle généré";
                progress.accept(String.format("  %d/%d centres (%s, %s%s) en %.0f s", n, drafts.size(), centre.code(),
                        isLarge ? "taille m" : "taille s", how, (System.nanoTime() - started) / 1e9));
            }
            log.debug("Centre {} en {} ms", centre.code(), ms);
        }
        progress.accept("  registre de la fédération (" + drafts.size() + " structures)…");
        Result result = transaction.execute(status -> registry(drafts, made, today, random));
        progress.accept("  statistiques de la base (vacuum analyze)…");
        jdbc.sql("vacuum analyze").update();
        log.info("Fédération de démonstration {} ({} centres) remplie en {} ms", CODE, drafts.size(),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** The centre of a structure: its name, an address in its commune. */
    private static DemoService.Spec spec(Draft d, Random random) {
        TrameCentre known = TRAME_CENTRES.stream().filter(t -> t.code().equals(d.centreCode)).findFirst().orElse(null);
        String postcode = known != null ? known.postcode() : d.at.departement() + "000";
        return new DemoService.Spec(d.centreCode, d.name + " (" + d.place.commune() + ")",
                (1 + random.nextInt(60)) + " rue " + pick(random, new String[] {"Jean Jaurès", "Pasteur", "de la Gare",
                    "Victor Hugo", "Roger Salengro"}), postcode, d.place.commune(), phone(random, d.at.departement()),
                "accueil@" + d.centreCode + ".invalid", DemoService.DEFAULT.seed());
    }

    /**
     * The centre's SENACS returns of the two last years, submitted: what its figures give, and the rest drawn as the
     * federation enters a return for a structure outside Trame.
     */
    private void submitSenacs(Centre centre, int last, Random random) {
        for (int year = last - 1; year <= last; year++) {
            Map<String, String> drawn = senacsAnswers.answers(year, 1_500 + random.nextInt(1_000), random);
            Map<String, String> missing = new HashMap<>();
            senacsReturns.read(centre.id(), centre.code(), year).answers().stream()
                    .filter(a -> a.source() == SenacsReturn.Source.MISSING)
                    .forEach(a -> missing.put(a.question().code(), drawn.get(a.question().code())));
            if (senacsReturns.declare(centre.id(), year, missing, null).any()) {
                throw new IllegalStateException("demo SENACS return refused for " + centre.code() + " " + year);
            }
            senacsReturns.submit(centre.id(), centre.code(), year, null);
        }
    }

    /** A structure beyond seed 004's 179, a centre social in the ATs in turn, joined in the 2010s. */
    private Draft extra(Random random, LocalDate today, Set<String> names, int i) {
        At at = ATS.get(i % ATS.size());
        Place place = at.places().get((i / ATS.size()) % at.places().size());
        Draft d = new Draft();
        d.ref = at.departement() + "-" + at.key() + "-X" + String.format("%02d", i + 1);
        d.at = at;
        d.place = place;
        d.rank = place.count() + 1 + i;
        d.name = uniqueName(random, names);
        d.association = MANAGING.get(place.commune());
        d.memberships.add(new String[] {"adherent", LocalDate.of(2010 + random.nextInt(12), 1 + random.nextInt(12), 1).toString()});
        agrements(d, random, today);
        return d;
    }

    private static String slug(String commune) {
        return Normalizer.normalize(commune, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase()
                .replaceAll("[^a-z0-9]+", "-");
    }

    /** The federation, its registry, users and every {@link FederationDemoPart}: all or nothing. */
    private Result registry(List<Draft> drafts, List<Centre> centres, LocalDate today, Random random) {
        Federation federation = federations.create(CODE, NAME);
        long id = federation.id();
        for (At at : ATS) {
            territories.create(id, at.name(), "at");
        }
        // three imports, dated as the federation would have sent them: the register as first known, the 2023
        // changes (Rexpoëde's passage associatif is dated by that import), then today's returns
        importer.importCsv(id, utf8(csv(drafts, 0)), LocalDate.of(2019, 1, 15));
        importer.importCsv(id, utf8(csv(drafts, 1)), PASSAGE_ASSOCIATIF);
        if (drafts.stream().anyMatch(d -> d.memberships.size() >= 3)) { // a registry cut short may have none
            importer.importCsv(id, utf8(csv(drafts, 2)), today);
        }

        Map<String, Long> ids = structures.list(id, StructureFilter.ALL, today).stream()
                .collect(Collectors.toMap(Structure::ref, Structure::id));
        structures.addContacts(id, contacts(drafts, ids, random));
        networks(id, drafts, ids, random);
        List<Login> logins = users(id, today);

        for (FederationDemoPart part : parts.orderedStream().toList()) {
            long partStarted = System.nanoTime();
            part.fill(id, today, new Random(part.getClass().getSimpleName().hashCode()));
            log.info("Fédération de démonstration, {} en {} ms", part.getClass().getSimpleName(),
                    (System.nanoTime() - partStarted) / 1_000_000);
        }
        return new Result(federation, drafts.size(), centres, logins);
    }

    /** The 179 structures with their history, the special cases of seed 004 placed in their communes. */
    private List<Draft> draw(Random random, LocalDate today) {
        List<Draft> drafts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (At at : ATS) {
            int n = 0;
            for (Place place : at.places()) {
                for (int rank = 0; rank < place.count(); rank++) {
                    Draft d = new Draft();
                    d.ref = at.departement() + "-" + at.key() + "-" + String.format("%02d", ++n);
                    d.at = at;
                    d.place = place;
                    d.rank = rank;
                    d.name = uniqueName(random, names);
                    d.association = MANAGING.get(place.commune());
                    d.status = rank == 0 && MUNICIPAL.contains(place.commune()) ? "municipal" : "associatif";
                    LocalDate joined = LocalDate.of(1972 + random.nextInt(44), 1 + random.nextInt(12), 1);
                    d.memberships.add(new String[] {"adherent", joined.toString()});
                    agrements(d, random, today);
                    drafts.add(d);
                }
            }
        }
        // one EVS in each département: Artois Audomarois (agréé, adhérent) and Maubeuge (préfiguré in 2023, expected)
        Draft audomarois = add(drafts, names, random, today, "Artois Audomarois", "Saint-Omer", "evs");
        audomarois.memberships.set(0, new String[] {"adherent", "2021-01-01"});
        Draft maubeuge = add(drafts, names, random, today, "Sambre-Avesnois", "Maubeuge", "evs");
        expected(maubeuge, "2023-02-01");

        Map<String, Draft> first = new HashMap<>();
        for (Draft d : drafts) {
            first.putIfAbsent(d.place.commune(), d);
        }
        // Flandre Intérieure: the municipal centre of Rexpoëde goes associative in 2023
        first.get("Rexpoëde").laterStatus = "associatif";
        // Artois Audomarois: Fruges and Bruay join, Aire-sur-la-Lys comes back, Hesdin is being set up
        first.get("Fruges").memberships.set(0, new String[] {"adherent", "2022-01-01"});
        first.get("Bruay-la-Buissière").memberships.set(0, new String[] {"adherent", "2022-09-01"});
        Draft aire = first.get("Aire-sur-la-Lys");
        aire.memberships.set(0, new String[] {"adherent", "2006-01-01"});
        aire.memberships.add(new String[] {"sortie", "2019-12-31"});
        aire.memberships.add(new String[] {"reaffiliation", "2022-06-01"});
        prefiguration(first.get("Hesdin"), "2023-10-01");
        // Sambre-Avesnois: a new centre in Glageon, agréé in 2023, expected to join in 2024
        expected(first.get("Glageon"), "2023-01-15");
        // MEL Sud: a centre being set up; MEL Centre: one structure left the federation
        prefiguration(first.get("Templemars"), "2024-03-01");
        Draft left = drafts.stream().filter(d -> d.place.commune().equals("Lille") && d.rank == 7).findFirst().orElseThrow();
        left.memberships.add(new String[] {"sortie", "2022-12-31"});
        return drafts;
    }

    private Draft add(List<Draft> drafts, Set<String> names, Random random, LocalDate today, String atName, String commune,
                      String kind) {
        At at = ATS.stream().filter(a -> a.name().equals(atName)).findFirst().orElseThrow();
        Place place = at.places().stream().filter(pl -> pl.commune().equals(commune)).findFirst().orElseThrow();
        Draft d = new Draft();
        d.ref = at.departement() + "-" + at.key() + "-EVS";
        d.kind = kind;
        d.at = at;
        d.place = place;
        d.rank = place.count();
        d.name = "Espace de vie sociale " + NAMES[random.nextInt(NAMES.length)];
        while (!names.add(d.name)) {
            d.name = "Espace de vie sociale " + NAMES[random.nextInt(NAMES.length)];
        }
        d.association = MANAGING.get(commune);
        d.memberships.add(new String[] {"adherent", "2015-01-01"});
        agrements(d, random, today);
        drafts.add(d);
        return d;
    }

    /** Préfiguration from that day: no agrément yet. */
    private static void prefiguration(Draft d, String since) {
        d.memberships.clear();
        d.memberships.add(new String[] {"prefiguration", since});
        d.previousStart = null;
        d.previousEnd = null;
        d.currentStart = null;
        d.currentEnd = null;
    }

    /** Préfigured, agréé on 1 July 2023 for four years, expected to join from December 2023. */
    private static void expected(Draft d, String since) {
        prefiguration(d, since);
        d.memberships.add(new String[] {"attendue", "2023-12-01"});
        d.currentStart = LocalDate.of(2023, 7, 1);
        d.currentEnd = LocalDate.of(2027, 6, 30);
    }

    /** The agrément in force ends within four years from today, each one month-end; the one before lasted four years. */
    private static void agrements(Draft d, Random random, LocalDate today) {
        d.currentEnd = YearMonth.from(today.plusMonths(1 + random.nextInt(48))).atEndOfMonth();
        d.currentStart = d.currentEnd.plusDays(1).minusYears(4);
        d.previousEnd = d.currentStart.minusDays(1);
        d.previousStart = d.currentStart.minusYears(4);
    }

    private static String uniqueName(Random random, Set<String> names) {
        String name;
        do {
            name = pick(random, KINDS_OF_CENTRE) + " " + pick(random, NAMES);
        } while (!names.add(name));
        return name;
    }

    /**
     * structures.csv for one import: 0 the register as first known (first membership step, earlier agrément), 1 the
     * later status and the second step with the agrément in force, 2 the structures with a third step only.
     */
    private static String csv(List<Draft> drafts, int round) {
        StringBuilder csv = new StringBuilder("structure_ref;name;kind;status;departement;territory;commune;epci;caf_antenna;"
                + "managing_association;membership;membership_date;agrement_start;agrement_end;centre_code\n");
        for (Draft d : drafts) {
            if (round == 2 && d.memberships.size() < 3) {
                continue;
            }
            String[] step = d.memberships.get(Math.min(round, d.memberships.size() - 1));
            String status = round == 0 ? d.status : round == 1 && d.laterStatus != null ? d.laterStatus : "";
            LocalDate start = round == 0 ? d.previousStart : round == 1 ? d.currentStart : null;
            LocalDate end = round == 0 ? d.previousEnd : round == 1 ? d.currentEnd : null;
            csv.append(String.join(";", d.ref, d.name, d.kind, status, d.at.departement(), d.at.name(), d.place.commune(),
                    d.place.epci(), d.place.caf(), d.association == null ? "" : d.association, step[0], step[1],
                    start == null ? "" : start.toString(), end == null ? "" : end.toString(),
                    d.centreCode == null ? "" : d.centreCode)).append('\n');
        }
        return csv.toString();
    }

    /** A direction and a présidence per structure, dated; the 2023 recruitments end the former director's row. */
    private static List<StructureService.NewContact> contacts(List<Draft> drafts, Map<String, Long> ids, Random random) {
        List<StructureService.NewContact> contacts = new ArrayList<>();
        Map<String, Boolean> changed = new HashMap<>();
        for (Draft d : drafts) {
            long id = ids.get(d.ref);
            String slug = d.ref.toLowerCase().replace("-", "");
            String phone = phone(random, d.at.departement());
            LocalDate directorSince = LocalDate.of(2008 + random.nextInt(15), 1 + random.nextInt(12), 1);
            LocalDate change = DIRECTOR_CHANGES.get(d.place.commune());
            if (change != null && changed.putIfAbsent(d.place.commune(), true) == null) {
                contacts.add(new StructureService.NewContact(id, "direction", person(random), "direction." + slug + "@demo.invalid",
                        phone, directorSince.isBefore(change) ? directorSince : change.minusYears(6), change.minusDays(1)));
                directorSince = change;
            }
            contacts.add(new StructureService.NewContact(id, "direction", person(random), "direction." + slug + "@demo.invalid",
                    phone, directorSince, null));
            contacts.add(new StructureService.NewContact(id, "presidence", person(random), null, null,
                    LocalDate.of(2014 + random.nextInt(10), 6, 1 + random.nextInt(28)), null));
        }
        return contacts;
    }

    /** Two thematic networks across the ATs: parentalité in the Pas-de-Calais, youth in both départements. */
    private void networks(long federationId, List<Draft> drafts, Map<String, Long> ids, Random random) {
        Predicate<Draft> member = d -> d.memberships.get(d.memberships.size() - 1)[0].equals("adherent")
                || d.memberships.get(d.memberships.size() - 1)[0].equals("reaffiliation");
        long parentalite = territories.create(federationId, "Réseau Parentalité 62", "reseau");
        List<Long> inParentalite = new ArrayList<>();
        long jeunes = territories.create(federationId, "Réseau Jeunes 59/62", "reseau");
        List<Long> inJeunes = new ArrayList<>();
        for (Draft d : drafts) {
            if (!member.test(d) || !d.kind.equals("cs")) {
                continue;
            }
            if (d.at.departement().equals("62") && random.nextInt(100) < 26) {
                inParentalite.add(ids.get(d.ref));
            }
            if (random.nextInt(100) < 14) {
                inJeunes.add(ids.get(d.ref));
            }
        }
        territories.addToGrid(federationId, parentalite, inParentalite);
        territories.addToGrid(federationId, jeunes, inJeunes);
    }

    /**
     * The direction, four délégués on the ATs of seed 004 (the Douaisis group changed hands on {@link #HANDOVER}; the
     * former délégué keeps her history and loses her role), a reader. Names are invented.
     */
    private List<Login> users(long federationId, LocalDate today) {
        Map<String, Long> at = new HashMap<>();
        for (Territory t : territories.list(federationId, today)) {
            at.put(t.name(), t.id());
        }
        List<Login> logins = new ArrayList<>();
        logins.add(login(federationId, at, "npdc.direction", "Bertrand Hocquet", FederationRole.ADMIN, null, List.of()));
        LocalDate since = LocalDate.of(2019, 9, 1);
        logins.add(login(federationId, at, "npdc.nadege", "Nadège Caron", FederationRole.DELEGUE, since,
                List.of("Cambrésis", "MEL Centre", "Bassin Minier", "Arrageois")));
        List<String> handedOver = List.of("Douaisis", "Artois Audomarois", "MEL Sud");
        Login former = login(federationId, at, "npdc.agnes", "Agnès Duquesne", FederationRole.DELEGUE, since, handedOver);
        logins.add(login(federationId, at, "npdc.remi", "Rémi Lefranc", FederationRole.DELEGUE, HANDOVER, handedOver));
        federations.setRole(federationId, former.userId(), null);
        logins.add(login(federationId, at, "npdc.thibault", "Thibault Verhaeghe", FederationRole.DELEGUE, since,
                List.of("Flandre Intérieure", "Flandre Maritime", "Littoral 62")));
        logins.add(login(federationId, at, "npdc.maelle", "Maëlle Dhondt", FederationRole.DELEGUE, since,
                List.of("Sambre-Avesnois", "MEL Nord", "Valenciennois")));
        logins.add(login(federationId, at, "npdc.lecture", "Odile Vandamme", FederationRole.READER, null, List.of()));
        return logins;
    }

    /** A new account with its role, assigned to the ATs named from {@code since}. */
    private Login login(long federationId, Map<String, Long> at, String username, String name, FederationRole role,
                        LocalDate since, List<String> followed) {
        UserService.Created created = federations.createUser(federationId, username, name, role);
        for (String t : followed) {
            territories.assign(federationId, at.get(t), created.id(), since);
        }
        return new Login(created.id(), username, name, role, created.password(), followed);
    }

    private static String person(Random random) {
        return pick(random, random.nextInt(100) < 60 ? DemoData.WOMEN : DemoData.MEN) + " " + pick(random, DemoData.LAST_NAMES);
    }

    private static String phone(Random random, String departement) {
        return String.format("03 %02d %02d %02d %02d", departement.equals("62") ? 21 : 27, random.nextInt(100),
                random.nextInt(100), random.nextInt(100));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
