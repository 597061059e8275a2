package fr.trame.cli;

import fr.trame.centre.Role;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated staff on a running Trame: each its own HTTP client, session cookie and CSRF token, looping over its role's
 * mix of daily pages with a think time between two requests, until {@link #close()}. Latencies are kept per page
 * once the warm-up is over; an answer other than 2xx/3xx (or the wrong one, such as a contact form shown again), or
 * an exception, is an error.
 */
final class LoadGenerator implements AutoCloseable {

    /** The page types, with the French words the report prints. */
    enum Page {
        SEARCH("recherche de foyers"), HOUSEHOLD("page d'un foyer"), TAP("pointage sur la feuille"),
        CONTACT("contact d'accueil"), COUNTER("accueil du jour"), DAY("séances du jour"), DASHBOARD("tableau de bord"),
        HOUSEHOLD_PARTS("foyer : sections chargées ensuite"), DASHBOARD_PARTS("tableau de bord : activités ensuite"),
        BASELINE("page triviale (témoin)");

        final String label;

        Page(String label) {
            this.label = label;
        }

        /** Where the sections a page asks for once shown are counted (null: a page without any). */
        Page parts() {
            return switch (this) {
                case HOUSEHOLD -> HOUSEHOLD_PARTS;
                case DASHBOARD -> DASHBOARD_PARTS;
                default -> null;
            };
        }
    }

    /** A section a page asks for once shown (htmx's hx-get on load), which the browser requests next. */
    private static final Pattern LOADED_PART = Pattern.compile("<[^>]*\\shx-trigger=\"load\"[^>]*>");
    private static final Pattern HX_GET = Pattern.compile("\\shx-get=\"([^\"]+)\"");

    /** Each role's pages, weighted: the counter, the activities, the direction. The baseline is in every mix. */
    private static final Map<Role, List<Page>> MIX = Map.of(
            Role.ACCUEIL, weighted(Page.SEARCH, 6, Page.HOUSEHOLD, 5, Page.CONTACT, 4, Page.COUNTER, 4, Page.BASELINE, 1),
            Role.ANIMATEUR, weighted(Page.TAP, 10, Page.DAY, 3, Page.SEARCH, 3, Page.HOUSEHOLD, 2, Page.COUNTER, 1,
                    Page.BASELINE, 1),
            Role.DIRECTION, weighted(Page.DASHBOARD, 3, Page.SEARCH, 5, Page.HOUSEHOLD, 5, Page.COUNTER, 3, Page.DAY, 3,
                    Page.BASELINE, 1));

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final LoadPlan plan;
    private final Duration think;
    private final long measureFromNanos;
    private final long started = System.nanoTime();
    private final ExecutorService threads;
    private final Map<Page, Samples> samples = new EnumMap<>(Page.class);
    private final AtomicInteger errors = new AtomicInteger();
    /**
     * Staff log in a few at a time, as they arrive: the login throttle counts each attempt on the address before its
     * password is checked (and gives it back when it was right), so twenty slow logins at once from one address (as a
     * centre's staff behind one Internet address) would lock it.
     */
    private final Semaphore logins = new Semaphore(4);
    private final List<String> firstErrors = new ArrayList<>();
    private volatile boolean running = true;
    private volatile long stoppedNanos;

    private LoadGenerator(URI base, LoadPlan plan, Duration think, Duration warmUp) {
        this.base = base;
        this.plan = plan;
        this.think = think;
        this.measureFromNanos = started + warmUp.toNanos();
        for (Page page : Page.values()) {
            samples.put(page, new Samples());
        }
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(plan.staff().size(), r -> {
            Thread t = new Thread(r, "charge-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Logs every staff account of the plan in on {@code base} (http://127.0.0.1:port) and starts their loops in the
     * background; latencies count after {@code warmUp}. Think time: uniform between half and one and a half
     * {@code think}.
     */
    static LoadGenerator start(URI base, LoadPlan plan, Duration think, Duration warmUp) {
        LoadGenerator load = new LoadGenerator(base, plan, think, warmUp);
        for (int i = 0; i < plan.staff().size(); i++) {
            LoadPlan.Staff staff = plan.staff().get(i);
            long seed = i;
            load.threads.execute(() -> load.loop(staff, new Random(seed)));
        }
        return load;
    }

    /** What was measured so far (or until {@link #close()}). */
    Report report() {
        long end = running ? System.nanoTime() : stoppedNanos;
        double seconds = Math.max(1e-9, (end - Math.min(end, measureFromNanos)) / 1e9);
        Map<Page, double[]> ms = new EnumMap<>(Page.class);
        samples.forEach((page, s) -> ms.put(page, s.millis()));
        synchronized (firstErrors) {
            return new Report(ms, errors.get(), List.copyOf(firstErrors), seconds);
        }
    }

    /** Stops every simulated staff member (at most their current request) and waits for them. */
    @Override
    public void close() {
        if (running) {
            stoppedNanos = System.nanoTime();
            running = false;
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throughput, latencies and errors of a load. */
    record Report(Map<Page, double[]> millis, int errors, List<String> firstErrors, double seconds) {

        long requests() {
            return millis.values().stream().mapToLong(m -> m.length).sum();
        }

        double perSecond() {
            return requests() / seconds;
        }

        /** Pages that were requested at least once (after the warm-up). */
        List<Page> exercised() {
            return Arrays.stream(Page.values()).filter(p -> millis.get(p).length > 0).toList();
        }
    }

    private void loop(LoadPlan.Staff staff, Random random) {
        Session session = null;
        List<Page> mix = MIX.get(staff.role());
        try {
            // the logins are spread over the first think time, as staff arrive one after the other
            Thread.sleep((long) (random.nextDouble() * think.toMillis()));
            while (running) {
                if (session == null) {
                    session = login(staff);
                }
                Page page = mix.get(random.nextInt(mix.size()));
                Session current = session;
                Answer answer = timed(page, () -> send(current, request(current, page, random), page));
                if (answer.failure() == null && page.parts() != null) {
                    // then, as the browser does, the sections the page asks for once shown
                    for (String part : parts(answer.body())) {
                        answer = timed(page.parts(), () -> send(current, htmx(get(part)), page.parts()));
                        if (answer.failure() != null) {
                            break;
                        }
                    }
                }
                if (!running) {
                    break;
                }
                if (answer.failure() != null) {
                    error(staff.username() + " " + answer.page().label + " : " + answer.failure());
                    session = null;
                }
                Thread.sleep((long) (think.toMillis() * (0.5 + random.nextDouble())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (running) {
                error(staff.username() + " connexion : " + e);
            }
        }
    }

    /** What a request answered: null or what went wrong, and the page it gave. */
    private record Answer(Page page, String failure, String body) {
    }

    private interface Exchange {
        Answer send() throws IOException, InterruptedException;
    }

    /** The request sent and its latency kept once the warm-up is over (and when it answered as it should). */
    private Answer timed(Page page, Exchange exchange) throws InterruptedException {
        long t0 = System.nanoTime();
        Answer answer;
        try {
            answer = exchange.send();
        } catch (IOException e) {
            answer = new Answer(page, e.getClass().getSimpleName() + " : " + e.getMessage(), "");
        }
        long t1 = System.nanoTime();
        if (running && answer.failure() == null && t0 >= measureFromNanos) {
            samples.get(page).add(t1 - t0);
        }
        return answer;
    }

    /** The paths of the sections a page asks for once shown, in its order. */
    private static List<String> parts(String html) {
        List<String> paths = new ArrayList<>();
        Matcher tag = LOADED_PART.matcher(html);
        while (tag.find()) {
            Matcher get = HX_GET.matcher(tag.group());
            if (get.find()) {
                paths.add(get.group(1).replace("&amp;", "&"));
            }
        }
        return paths;
    }

    private void error(String message) {
        errors.incrementAndGet();
        synchronized (firstErrors) {
            if (firstErrors.size() < 10) {
                firstErrors.add(message);
            }
        }
    }

    /** A logged-in staff member: its client (with its session cookie) and its CSRF token. */
    private record Session(HttpClient client, String csrf) {
    }

    private Session login(LoadPlan.Staff staff) throws IOException, InterruptedException {
        logins.acquire();
        try {
            return loginNow(staff);
        } finally {
            logins.release();
        }
    }

    private Session loginNow(LoadPlan.Staff staff) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
        HttpResponse<String> form = client.send(get("/connexion"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> done = client.send(post("/connexion", csrf(form.body()), false,
                "username", staff.username(), "password", staff.password()), HttpResponse.BodyHandlers.ofString());
        String location = done.headers().firstValue("Location").orElse("");
        if (done.statusCode() != 302 || location.contains("connexion")) {
            throw new IOException("connexion refusée pour " + staff.username() + " (" + done.statusCode() + " " + location + ")");
        }
        // the token changes with the login: the one of a page of the session
        HttpResponse<String> page = client.send(get("/c/" + plan.centreCode() + "/accueil"), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IOException("accueil après connexion : " + page.statusCode());
        }
        return new Session(client, csrf(page.body()));
    }

    /** One request of the page, as a staff member of the plan would send it. */
    private HttpRequest request(Session session, Page page, Random random) {
        String c = "/c/" + plan.centreCode();
        return switch (page) {
            case SEARCH -> {
                String name = pick(plan.names(), random);
                // as typed at the desk: without accents, sometimes with one letter wrong; htmx asks for the results
                String typed = random.nextBoolean() ? BenchSupport.misspell(name, random) : name.toLowerCase();
                yield htmx(get(c + "/foyers?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)));
            }
            case HOUSEHOLD -> get(c + "/foyers/" + pick(plan.households(), random));
            case TAP -> {
                LoadPlan.Sheet sheet = pick(plan.sheets(), random);
                yield post(c + "/seances/" + sheet.sessionId() + "/presences/" + pick(sheet.persons(), random),
                        session.csrf(), true);
            }
            case CONTACT -> post(c + "/accueil", session.csrf(), false, "personId",
                    String.valueOf(pick(plan.persons(), random)), "channel", "accueil", "theme", plan.theme(),
                    "duration", "5", "note", "");
            case COUNTER -> get(c + "/accueil");
            case DAY -> get(c + "/jour");
            case DASHBOARD -> get(c + "/tableau-de-bord");
            case BASELINE -> get("/compte/mot-de-passe");
            case HOUSEHOLD_PARTS, DASHBOARD_PARTS -> throw new IllegalArgumentException("asked for by its page: " + page);
        };
    }

    /** The request sent; its answer, with what went wrong if it did not answer as it should. */
    private static Answer send(Session session, HttpRequest request, Page page) throws IOException, InterruptedException {
        HttpResponse<String> response = session.client().send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        String failure = null;
        if (status >= 400 || status < 200) {
            failure = "HTTP " + status;
        } else if (status >= 300 && location.contains("connexion")) {
            failure = "renvoyé à la connexion";
        } else if (page == Page.CONTACT && status != 302) {
            failure = "formulaire montré de nouveau (HTTP " + status + ")";
        } else if (page != Page.CONTACT && status != 200) {
            failure = "HTTP " + status + " " + location;
        }
        return new Answer(page, failure, response.body());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
    }

    private static HttpRequest htmx(HttpRequest request) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("HX-Request", "true").build();
    }

    private HttpRequest post(String path, String csrf, boolean htmx, String... fields) {
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return b.build();
    }

    private static String csrf(String html) throws IOException {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IOException("pas de jeton CSRF dans la page");
        }
        return m.group(1);
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<Page> weighted(Object... pagesAndWeights) {
        List<Page> mix = new ArrayList<>();
        for (int i = 0; i < pagesAndWeights.length; i += 2) {
            for (int w = 0; w < (Integer) pagesAndWeights[i + 1]; w++) {
                mix.add((Page) pagesAndWeights[i]);
            }
        }
        return List.copyOf(mix);
    }

    /** Latencies of one page type, in nanoseconds, from every thread. */
    private static final class Samples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized double[] millis() {
            double[] ms = new double[size];
            for (int i = 0; i < size; i++) {
                ms[i] = values[i] / 1e6;
            }
            return ms;
        }
    }
}
