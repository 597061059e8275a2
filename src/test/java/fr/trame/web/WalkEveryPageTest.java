package fr.trame.web;

import fr.trame.Fixtures;
import fr.trame.TrameTest;
import fr.trame.centre.Centre;
import fr.trame.centre.CentreService;
import fr.trame.centre.Role;
import fr.trame.demo.DemoData;
import fr.trame.demo.DemoService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A user of each role on the demonstration centre follows every link, htmx load and GET form the application shows
 * them, from the centre's home page (each URL once, three of each kind, at most {@value #MAX_PAGES}): none may
 * answer a 5xx or a 4xx
 * (a link the application offered must open), and no page may show template text.
 */
@TrameTest
class WalkEveryPageTest {

    static final int MAX_PAGES = 600;
    private static final Pattern TEMPLATE_TEXT = Pattern.compile("\\$\\{|#\\{|\\*\\{|\\?\\?[a-zA-Z._]+\\?\\?|th:[a-z]+=");

    private static final Pattern ENGLISH = Pattern.compile("\\b(Required|parameter|Bad Request|Forbidden|Not Found|Failed to|must not|null)\\b");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CentreService centres;
    @Autowired DemoService demo;

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyLinkShownOpens(Role role) throws Exception {
        Centre centre = centres.findByCode(DemoService.DEMO_CODE).orElseGet(() -> demo.generate(DemoData.Size.S));
        String username = fixtures.user(centre, role);
        String base = "/c/" + centre.code();
        Map<String, String> found = new LinkedHashMap<>(); // url → the page that showed it
        Deque<String> queue = new ArrayDeque<>();
        found.put(base, "(accueil)");
        queue.add(base);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> shapes = new java.util.HashMap<>();
        Map<String, PostForm> postForms = new LinkedHashMap<>(); // one form per shape of action
        int opened = 0;
        while (!queue.isEmpty() && opened < MAX_PAGES) {
            String url = queue.poll();
            opened++;
            // as a URI: the links are already encoded, a template string would encode them twice
            MvcResult result = mvc.perform(get(URI.create(url)).with(user(username))).andReturn();
            int status = result.getResponse().getStatus();
            String type = String.valueOf(result.getResponse().getContentType());
            if (status >= 400) {
                problems.add(status + " " + url + " (lien de " + found.get(url) + ")");
                continue;
            }
            String location = result.getResponse().getRedirectedUrl();
            if (status >= 300 && status < 400 && location != null && location.startsWith(base) && !found.containsKey(location)) {
                found.put(location, url); // the animateur's home sends them to the day's sessions: walk on from there
                queue.add(location);
            }
            if (status >= 300 || !type.startsWith("text/html")) {
                continue; // a redirect after a GET (the home of a single centre) or a download
            }
            String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            Document page = Jsoup.parse(html, "http://localhost" + url);
            if (TEMPLATE_TEXT.matcher(page.text()).find()) {
                problems.add("texte de gabarit visible sur " + url);
            }
            for (PostForm form : postForms(page, url)) {
                postForms.putIfAbsent(form.action().replaceAll("[0-9]+", "N") + " " + form.fields(), form);
            }
            for (String link : links(page)) {
                // breadth over kinds of pages: the same page for a hundred households is opened three times
                String shape = link.replaceAll("[0-9]+", "N");
                if (link.startsWith(base) && !found.containsKey(link) && shapes.merge(shape, 1, Integer::sum) <= 3) {
                    found.put(link, url);
                    queue.add(link);
                }
            }
        }
        assertThat(opened).as("pages ouvertes").isGreaterThan(role == Role.FEDERATION ? 5 : 30);
        assertThat(problems).as("liens cassés pour le rôle " + role.code()).isEmpty();

        for (PostForm form : postForms.values()) {
            problems.addAll(submitEmpty(form, username));
        }
        assertThat(postForms).as("formulaires essayés").isNotEmpty();
        assertThat(problems).as("formulaires vides pour le rôle " + role.code()).isEmpty();
    }

    /** A form that changes something, as the page rendered it: its hidden values and the names of what a user fills. */
    record PostForm(String action, String page, Map<String, String> hidden, List<String> fields, boolean multipart,
                    boolean htmx) {
    }

    /** Forms posted normally or by htmx that have at least one field to fill (a lone button is an action, not a form). */
    private static List<PostForm> postForms(Document page, String url) {
        List<PostForm> forms = new ArrayList<>();
        for (Element form : page.select("form")) {
            boolean htmx = form.hasAttr("hx-post");
            if (!htmx && !form.attr("method").equalsIgnoreCase("post")) {
                continue;
            }
            String action = htmx ? form.absUrl("hx-post") : form.hasAttr("action") ? form.absUrl("action") : page.location();
            if (!action.startsWith("http://localhost/") || action.endsWith("/logout") || action.endsWith("/deconnexion")) {
                continue;
            }
            Map<String, String> hidden = new LinkedHashMap<>();
            List<String> fields = new ArrayList<>();
            for (Element input : form.select("input[name], select[name], textarea[name]")) {
                String type = input.attr("type");
                if (input.hasAttr("disabled") || input.hasAttr("readonly")) {
                    continue; // shown, not filled: the role reads it
                }
                if (type.equals("hidden")) {
                    hidden.put(input.attr("name"), input.attr("value"));
                } else if (!List.of("submit", "button").contains(type) && !fields.contains(input.attr("name"))) {
                    fields.add(input.attr("name"));
                }
            }
            if (!fields.isEmpty()) {
                forms.add(new PostForm(URI.create(action).getRawPath(), url, hidden, fields,
                        form.attr("enctype").equalsIgnoreCase("multipart/form-data"), htmx));
            }
        }
        return forms;
    }

    /** Submits the form with every field empty: the answer must be a French message, never a 5xx nor a silent success. */
    private List<String> submitEmpty(PostForm form, String username) throws Exception {
        var request = (form.multipart() ? multipart(URI.create(form.action())) : post(URI.create(form.action())))
                .with(user(username)).with(csrf());
        if (form.htmx()) {
            request.header("HX-Request", "true");
        }
        form.hidden().forEach(request::param);
        for (String field : form.fields()) {
            if (!form.hidden().containsKey(field)) {
                request.param(field, "");
            }
        }
        String where = form.action() + " (formulaire de " + form.page() + ", champs " + form.fields() + ")";
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        } catch (jakarta.servlet.ServletException e) {
            return List.of("500 " + where + " : " + e.getRootCause());
        }
        int status = result.getResponse().getStatus();
        if (status >= 500 || status == 403) {
            return List.of(status + " " + where); // a 403: the role was offered a form it may not use
        }
        // a form whose fields are all optional may succeed: its confirmation is the message
        String flashed = result.getFlashMap().values().stream()
                .map(v -> v instanceof fr.trame.form.FieldErrors errors ? String.join(" ", errors.all().values())
                        : v instanceof String text ? text : "")
                .collect(Collectors.joining(" "));
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String message = !flashed.isBlank() ? flashed
                : Jsoup.parse(body).select(".field-error, .flash, [role=alert], [role=status], [hx-swap-oob]").text(); // htmx answers announce out of band
        if (message.isBlank() && status >= 400) {
            // the error page shows the French reason given with the error status (a domain exception's message,
            // a ResponseStatusException's reason); anything else gets only a generic text
            message = result.getResolvedException() instanceof org.springframework.web.server.ResponseStatusException e
                    && e.getReason() != null ? e.getReason()
                    : result.getResponse().getErrorMessage() == null ? "" : result.getResponse().getErrorMessage();
            if (message.isBlank()) {
                return List.of("page d'erreur générique (" + status + " "
                        + (result.getResolvedException() == null ? "" : result.getResolvedException().getClass().getSimpleName())
                        + ") " + where);
            }
        }
        if (message.isBlank()) {
            return List.of("aucun message après " + status + " " + where);
        }
        if (ENGLISH.matcher(message).find()) {
            return List.of("message en anglais « " + message + " » " + where);
        }
        return List.of();
    }

    /** The application's own URLs on a page: links, htmx loads, and GET forms submitted as they come. */
    private static List<String> links(Document page) {
        List<String> urls = new ArrayList<>();
        for (Element a : page.select("a[href]")) {
            urls.add(a.attr("abs:href"));
        }
        for (Element h : page.select("[hx-get]")) {
            urls.add(h.absUrl("hx-get"));
        }
        for (Element form : page.select("form")) {
            if (!form.attr("method").isEmpty() && !form.attr("method").equalsIgnoreCase("get")) {
                continue;
            }
            String query = form.select("input[name], select[name]").stream()
                    .filter(i -> !List.of("checkbox", "radio", "submit", "file").contains(i.attr("type")))
                    .map(i -> URLEncoder.encode(i.attr("name"), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(i.tagName().equals("select") ? selected(i) : i.attr("value"), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            String action = form.hasAttr("action") ? form.absUrl("action") : page.location();
            urls.add(action + (query.isEmpty() ? "" : (action.contains("?") ? "&" : "?") + query));
        }
        List<String> paths = new ArrayList<>();
        for (String u : urls) {
            if (u.isEmpty() || !u.startsWith("http://localhost/")) {
                continue;
            }
            try {
                URI uri = URI.create(u.replace(" ", "%20"));
                paths.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            } catch (IllegalArgumentException malformed) {
                paths.add(u.substring("http://localhost".length())); // opened as it is: it will show as broken
            }
        }
        return paths;
    }

    private static String selected(Element select) {
        Element option = select.selectFirst("option[selected]");
        if (option == null) {
            option = select.selectFirst("option");
        }
        return option == null ? "" : option.hasAttr("value") ? option.attr("value") : option.text();
    }
}
