package fr.trame.reception;

import fr.trame.form.Refused;
import fr.trame.form.NotFound;
import fr.trame.centre.AuditLog;
import fr.trame.centre.CentreScope;
import fr.trame.csv.ListDownload;
import fr.trame.centre.UserService;
import fr.trame.form.FieldErrors;
import fr.trame.form.Checks;
import fr.trame.form.Form;
import fr.trame.form.Vocabulary;
import fr.trame.form.Parse;
import fr.trame.people.HouseholdService;
import fr.trame.people.PersonService;
import fr.trame.people.RegisterSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The reception desk: a contact logged in a few taps, the contacts of a day (today by default) and their corrections,
 * and staff appointments by week. Forms that fail come back with what was typed and a message beside the field.
 */
@Controller
class ReceptionController {

    private final ContactService contacts;
    private final ThemeService themes;
    private final RegisterSearch search;
    private final PersonService persons;
    private final UserService users;
    private final CaseService cases;
    private final HouseholdService households;
    private final AuditLog audit;

    public ReceptionController(ContactService contacts, ThemeService themes, RegisterSearch search,
                               PersonService persons, UserService users, CaseService cases,
                               HouseholdService households, AuditLog audit) {
        this.households = households;
        this.contacts = contacts;
        this.themes = themes;
        this.search = search;
        this.persons = persons;
        this.users = users;
        this.cases = cases;
        this.audit = audit;
    }

    /** What the contact form holds, as typed. */
    record ContactValues(Long personId, String channel, List<String> themes, String date, String time, String duration,
                         String note, String orientation) {
        static ContactValues blank(LocalDate day) {
            return new ContactValues(null, "accueil", List.of(), day.format(Parse.FRENCH_DATE), "", "", "", "");
        }
    }

    @GetMapping("/c/{centre}/accueil")
    String counter(CentreScope scope, @RequestParam(required = false) String date, Model model) {
        scope.requireAttendance();
        LocalDate day = dayOrToday(scope, date);
        return counterPage(scope, model, new FieldErrors(), day, ContactValues.blank(day), "");
    }

    /** Persons matching what is typed, as choices of the quick form (htmx). */
    @GetMapping("/c/{centre}/accueil/personnes")
    String personChoices(CentreScope scope, @RequestParam(defaultValue = "") String q, Model model) {
        scope.requireAttendance();
        model.addAttribute("hits", search.persons(scope.id(), q, 8));
        model.addAttribute("personId", null);
        return "reception/counter :: choices";
    }

    /** A contact at the counter (new, or a correction): who, how, about what, when, how long. */
    static final class ContactForm implements Form {
        public String personId;
        public String channel;
        public List<String> theme;
        public String date;
        public String time;
        public String duration;
        public String note;
        public String orientation;
        /** Read by {@link #validate}. */
        private Long person;
        private LocalDate day;
        private LocalTime at;
        private Integer minutes;

        @Override
        public void validate(Errors errors) {
            person = Checks.id(errors, "personId", personId, false);
            if (channel == null || !ThemeService.CHANNELS.contains(channel) || channel.equals("rdv")) {
                errors.rejectValue("channel", "counterChannel");
            }
            day = Checks.date(errors, "date", date, true);
            minutes = Checks.integer(errors, "duration", duration, false, 0, 1440);
            at = Checks.time(errors, "time", time, false);
        }

        /** As typed, for the page shown again. */
        ContactValues values() {
            return new ContactValues(person, channel == null ? "" : channel, theme == null ? List.of() : theme,
                    date == null ? "" : date, time == null ? "" : time, duration == null ? "" : duration,
                    note == null ? "" : note, orientation == null ? "" : orientation);
        }
    }

    @PostMapping("/c/{centre}/accueil")
    String logContact(CentreScope scope, ContactForm form, Model model, RedirectAttributes flash) {
        scope.requireAttendance();
        // the counter's defaults: at the desk, today
        if (form.channel == null || form.channel.isBlank()) {
            form.channel = "accueil";
        }
        if (form.date == null || form.date.isBlank()) {
            form.date = scope.today().format(Parse.FRENCH_DATE);
        }
        BindingResult binding = new DirectFieldBindingResult(form, "contactForm");
        ContactService.ContactChange c = readContact(scope, form, binding);
        if (binding.hasErrors()) {
            LocalDate shown = c.date() != null ? c.date() : scope.today();
            return counterPage(scope, model, FieldErrors.of(binding), shown, form.values(), "");
        }
        // a contact of today without a time given: now, at the centre
        LocalTime at = c.startsAt() != null || !c.date().equals(scope.today()) ? c.startsAt()
                : LocalTime.now(scope.zone()).withSecond(0).withNano(0);
        contacts.log(scope.id(), new ContactService.NewContact(c.date(), at, c.personId(), c.channel(), c.themes(),
                c.durationMin(), null, null, c.note(), c.orientation(), scope.userId()));
        flash.addFlashAttribute("message", "Contact enregistré.");
        return "redirect:" + scope.base() + "/accueil" + (c.date().equals(scope.today()) ? "" : "?date=" + c.date());
    }

    @GetMapping("/c/{centre}/accueil/{id}/modifier")
    String editContact(CentreScope scope, @PathVariable long id, Model model) {
        scope.requireAttendance();
        ContactService.Contact c = counterContact(scope, id);
        ContactValues values = new ContactValues(c.personId(), c.channel(), contacts.themeCodes(scope.id(), id),
                c.date().format(Parse.FRENCH_DATE), c.startsAt() == null ? "" : c.startsAt().toString(),
                c.durationMin() == null ? "" : c.durationMin().toString(), Objects.toString(c.note(), ""),
                Objects.toString(c.orientation(), ""));
        return editPage(scope, model, c, values, new FieldErrors());
    }

    /** A correction of a contact; written to the audit log with the names of the fields changed (not their content). */
    @PostMapping("/c/{centre}/accueil/{id}/modifier")
    String updateContact(CentreScope scope, @PathVariable long id, ContactForm form, Model model, RedirectAttributes flash) {
        scope.requireAttendance();
        ContactService.Contact before = counterContact(scope, id);
        BindingResult binding = new DirectFieldBindingResult(form, "contactForm");
        ContactService.ContactChange c = readContact(scope, form, binding);
        if (binding.hasErrors()) {
            return editPage(scope, model, before, form.values(), FieldErrors.of(binding));
        }
        List<String> changed = changes(before, contacts.themeCodes(scope.id(), id), c);
        contacts.update(scope.id(), id, c);
        if (!changed.isEmpty()) {
            audit.record(scope.id(), scope.userId(), "modification", "contact", id, String.join(", ", changed));
        }
        flash.addFlashAttribute("message", changed.isEmpty() ? "Rien n'a changé."
                : "Contact corrigé (" + String.join(", ", changed) + ").");
        return "redirect:" + scope.base() + "/accueil?date=" + c.date();
    }

    @PostMapping("/c/{centre}/accueil/themes")
    String addTheme(CentreScope scope, @RequestParam(defaultValue = "") String label, Model model, RedirectAttributes flash) {
        scope.requireRegisterEdit();
        try {
            ThemeService.Theme t = themes.add(scope.id(), label);
            flash.addFlashAttribute("message", "Thème « " + t.label() + " » ajouté (code " + t.code() + " pour les imports).");
            return "redirect:" + scope.base() + "/accueil";
        } catch (IllegalArgumentException e) {
            FieldErrors errors = new FieldErrors();
            errors.add("label", "Nom du thème : " + e.getMessage());
            return counterPage(scope, model, errors, scope.today(), ContactValues.blank(scope.today()), label);
        }
    }

    /** What the booking form holds, as typed. */
    record BookingValues(String staff, Long personId, String q, String date, String time, String duration,
                         List<String> themes, boolean confirmOverlap) {
    }

    /** A staff member's week of appointments, the booking form, and the monthly no-show rates. */
    @GetMapping("/c/{centre}/rdv")
    String agenda(CentreScope scope, @RequestParam(required = false) Long staff,
                  @RequestParam(required = false) LocalDate semaine, @RequestParam(defaultValue = "") String q,
                  Model model) {
        scope.requireAttendance();
        List<UserService.Membership> team = users.staffOfCentre(scope.id());
        Long staffId = staff != null && users.isStaffOf(scope.id(), staff) ? staff : defaultStaff(scope, team);
        LocalDate week = semaine == null ? scope.today() : semaine;
        BookingValues values = new BookingValues(staffId == null ? "" : staffId.toString(), null, q, "", "", "30",
                List.of(), false);
        return agendaPage(scope, model, staffId, week, values, new FieldErrors(), List.of());
    }

    /** An appointment booked in a staff member's agenda. */
    static final class BookingForm implements Form {
        public String staff;
        public String personId;
        public String q;
        public String date;
        public String time;
        public String duration;
        public List<String> theme;
        public String confirmOverlap;
        /** Read by {@link #validate}. */
        private Long staffId;
        private Long person;
        private LocalDate day;
        private LocalTime at;
        private Integer minutes;

        @Override
        public void validate(Errors errors) {
            staffId = Checks.id(errors, "staff", staff, true);
            person = Checks.id(errors, "personId", personId, false);
            if (person == null && !errors.hasFieldErrors("personId")) {
                errors.rejectValue("personId", "whoComes");
            }
            day = Checks.date(errors, "date", date, true);
            at = Checks.time(errors, "time", time, true);
            minutes = Checks.integer(errors, "duration", duration == null ? "30" : duration, false, 5, 480);
        }
    }

    @PostMapping("/c/{centre}/rdv")
    String book(CentreScope scope, @Validated BookingForm form, BindingResult binding, Model model, RedirectAttributes flash) {
        scope.requireAttendance();
        Long staffId = form.staffId;
        if (staffId != null && !users.isStaffOf(scope.id(), staffId)) {
            binding.rejectValue("staff", "agendaStaff");
            staffId = null;
        }
        Long person = form.person;
        if (person != null && persons.find(scope.id(), person).isEmpty()) {
            binding.rejectValue("personId", "choice");
            person = null;
        }
        LocalDate day = form.day;
        LocalTime at = form.at;
        Integer minutes = form.minutes;
        List<String> chosen = form.theme == null ? List.of() : form.theme;
        if (!knownThemes(scope).containsAll(chosen)) {
            binding.rejectValue("theme", "themesInList");
        }
        BookingValues typed = new BookingValues(Objects.toString(form.staff, ""), person, Objects.toString(form.q, ""),
                Objects.toString(form.date, ""), Objects.toString(form.time, ""),
                form.duration == null || form.duration.isBlank() ? "30" : form.duration, chosen,
                form.confirmOverlap != null);
        FieldErrors errors = FieldErrors.of(binding);
        List<ContactService.Contact> overlaps = List.of();
        if (!errors.any()) {
            overlaps = contacts.overlapping(scope.id(), staffId, day, at, minutes == null ? 30 : minutes);
            if (!overlaps.isEmpty() && form.confirmOverlap == null) {
                ContactService.Contact o = overlaps.get(0);
                errors.add("confirmOverlap", staffName(scope, staffId) + " a déjà un rendez-vous le " + day.format(Parse.FRENCH_DATE)
                        + " à " + o.startsAt() + " (" + Objects.toString(o.personName(), "personne inconnue") + ", " + o.minutes()
                        + " min)" + (overlaps.size() > 1 ? " et " + (overlaps.size() - 1) + " autre(s)" : "")
                        + ". Cochez « Prendre quand même ce rendez-vous » pour le confirmer, ou changez l'heure.");
            }
        }
        if (errors.any()) {
            Long shownStaff = staffId != null ? staffId : defaultStaff(scope, users.staffOfCentre(scope.id()));
            return agendaPage(scope, model, shownStaff, day != null ? day : scope.today(), typed, errors, overlaps);
        }
        contacts.log(scope.id(), new ContactService.NewContact(day, at, person, "rdv", chosen.isEmpty() ? List.of("autre") : chosen,
                minutes == null ? 30 : minutes, "prevu", staffId, null, null, scope.userId()));
        flash.addFlashAttribute("message", "Rendez-vous pris le " + day.format(Parse.FRENCH_DATE) + " à " + at
                + (overlaps.isEmpty() ? "." : ", en plus du rendez-vous déjà prévu à la même heure."));
        return "redirect:" + scope.base() + "/rdv?staff=" + staffId + "&semaine=" + monday(day) + "#jour-" + day;
    }

    @PostMapping("/c/{centre}/rdv/{id}/statut")
    String setStatus(CentreScope scope, @PathVariable long id, @RequestParam String status, RedirectAttributes flash) {
        scope.requireAttendance();
        ContactService.Contact c = contacts.find(scope.id(), id).orElseThrow(() -> new NotFound());
        if (!ContactService.APPOINTMENT_STATUSES.contains(status)) {
            throw new Refused("status", "Choisissez le statut du rendez-vous dans la liste.");
        }
        contacts.setStatus(scope.id(), id, status);
        flash.addFlashAttribute("message", "Rendez-vous mis à jour.");
        return "redirect:" + scope.base() + "/rdv?staff=" + c.staffUserId() + "&semaine=" + monday(c.date());
    }

    /** The week as the agenda's own links name it: by its Monday. */
    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Loaded into the person's page: their contacts, and the case files they have (content only for those allowed). */
    @GetMapping("/c/{centre}/personnes/{personId}/accueil")
    String personReception(CentreScope scope, @PathVariable long personId, Model model) {
        scope.requireAttendance();
        persons.find(scope.id(), personId).orElseThrow(() -> new NotFound());
        model.addAttribute("personId", personId);
        model.addAttribute("contacts", contacts.ofPerson(scope.id(), personId, 30));
        model.addAttribute("cases", cases.ofPerson(scope, personId));
        return "reception/person";
    }

    /** Loaded into the household's page: the case files of the household and of its members. */
    @GetMapping("/c/{centre}/foyers/{householdId}/accueil")
    String householdReception(CentreScope scope, @PathVariable long householdId, Model model) {
        scope.requireAttendance();
        households.find(scope.id(), householdId).orElseThrow(() -> new NotFound());
        model.addAttribute("householdId", householdId);
        model.addAttribute("cases", cases.ofHousehold(scope, householdId));
        return "reception/household";
    }

    private String counterPage(CentreScope scope, Model model, FieldErrors errors, LocalDate day, ContactValues v,
                               String themeLabel) {
        model.addAttribute("errors", errors);
        model.addAttribute("themes", themes.list(scope.id()));
        model.addAttribute("channels", ThemeService.CHANNELS.stream().filter(c -> !c.equals("rdv")).toList());
        model.addAttribute("day", day);
        model.addAttribute("isToday", day.equals(scope.today()));
        List<ContactService.Contact> ofDay = contacts.on(scope.id(), day);
        model.addAttribute("contacts", ofDay);
        model.addAttribute(ListDownload.MODEL, new ListDownload("contacts-" + day, List.of("Date", "Heure", "Personne",
                "Canal", "Thèmes", "Orientation"), ofDay.stream().map(c -> Arrays.<Object>asList(c.date(),
                String.valueOf(c.shownTime(scope.zone())), c.personName() == null ? "anonyme" : c.personName(),
                Vocabulary.label(c.channel()), c.themes(), c.orientation())).toList()));
        model.addAttribute("v", v);
        model.addAttribute("person", v.personId() == null ? null : persons.find(scope.id(), v.personId()).orElse(null));
        model.addAttribute("personId", v.personId());
        model.addAttribute("hits", List.of());
        model.addAttribute("themeLabel", themeLabel);
        return "reception/counter";
    }

    private String editPage(CentreScope scope, Model model, ContactService.Contact contact, ContactValues v, FieldErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("contact", contact);
        model.addAttribute("crumbs", List.of(Arrays.asList("Accueil du centre", scope.base()),
                Arrays.asList("Contacts du " + contact.date().format(Parse.FRENCH_DATE), scope.base() + "/accueil?date=" + contact.date()),
                Arrays.asList("Corriger un contact", null)));
        model.addAttribute("themes", themes.list(scope.id()));
        model.addAttribute("channels", ThemeService.CHANNELS.stream().filter(c -> !c.equals("rdv")).toList());
        model.addAttribute("v", v);
        model.addAttribute("person", v.personId() == null ? null : persons.find(scope.id(), v.personId()).orElse(null));
        model.addAttribute("personId", v.personId());
        model.addAttribute("hits", List.of());
        return "reception/contact-edit";
    }

    private String agendaPage(CentreScope scope, Model model, Long staffId, LocalDate week, BookingValues v,
                              FieldErrors errors, List<ContactService.Contact> overlaps) {
        LocalDate monday = week.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<ContactService.Contact> appointments = staffId == null ? List.of() : contacts.appointments(scope.id(), staffId, monday);
        // Monday to Saturday; Sunday too when the week has an appointment that day (an event, an import), never hidden
        boolean sunday = appointments.stream().anyMatch(a -> a.date().getDayOfWeek() == DayOfWeek.SUNDAY);
        model.addAttribute("errors", errors);
        model.addAttribute("staffId", staffId);
        model.addAttribute("staffList", users.staffOfCentre(scope.id()));
        model.addAttribute("monday", monday);
        model.addAttribute("days", IntStream.range(0, sunday ? 7 : 6).mapToObj(monday::plusDays).toList());
        model.addAttribute("appointments", appointments);
        model.addAttribute("themes", themes.list(scope.id()));
        model.addAttribute("rates", contacts.noShowRates(scope.id(), 12));
        model.addAttribute("v", v);
        model.addAttribute("q", v.q());
        List<RegisterSearch.PersonHit> hits = new ArrayList<>(search.persons(scope.id(), v.q(), 8));
        if (v.personId() != null && hits.stream().noneMatch(h -> h.id() == v.personId())) {
            persons.find(scope.id(), v.personId()).ifPresent(p -> hits.add(0,
                    new RegisterSearch.PersonHit(p.id(), p.lastName(), p.firstName(), p.birthDate(), p.ref(), null)));
        }
        model.addAttribute("hits", hits);
        model.addAttribute("overlaps", overlaps);
        return "reception/agenda";
    }

    /**
     * Checks the counter form (new contact or correction) with its own rules, then with the centre's (its themes,
     * its persons, its today): an id typed by hand that is no person is a field error.
     */
    private ContactService.ContactChange readContact(CentreScope scope, ContactForm form, Errors errors) {
        if (form.channel != null) {
            form.channel = form.channel.trim();
        }
        form.validate(errors);
        List<String> themes = form.theme == null ? List.of() : form.theme;
        if (themes.isEmpty() || !knownThemes(scope).containsAll(themes)) {
            errors.rejectValue("theme", "oneTheme");
        }
        LocalDate day = form.day;
        if (day != null && day.isAfter(scope.today())) {
            errors.rejectValue("date", "contactInFuture");
            day = null;
        }
        if (form.person != null && persons.find(scope.id(), form.person).isEmpty()) {
            errors.rejectValue("personId", "counterPerson");
        }
        return new ContactService.ContactChange(day, form.at, form.person, form.channel, themes, form.minutes,
                blankToNull(form.note), blankToNull(form.orientation));
    }

    private static List<String> changes(ContactService.Contact before, List<String> themesBefore, ContactService.ContactChange after) {
        List<String> changed = new ArrayList<>();
        if (!before.date().equals(after.date())) {
            changed.add("date");
        }
        if (!Objects.equals(before.startsAt(), after.startsAt())) {
            changed.add("heure");
        }
        if (!Objects.equals(before.personId(), after.personId())) {
            changed.add("personne");
        }
        if (!before.channel().equals(after.channel())) {
            changed.add("canal");
        }
        if (!themesBefore.equals(after.themes().stream().distinct().sorted().toList())) {
            changed.add("thèmes");
        }
        if (!Objects.equals(before.durationMin(), after.durationMin())) {
            changed.add("durée");
        }
        if (!Objects.equals(before.note(), after.note())) {
            changed.add("note");
        }
        if (!Objects.equals(before.orientation(), after.orientation())) {
            changed.add("orientation");
        }
        return changed;
    }

    private ContactService.Contact counterContact(CentreScope scope, long id) {
        ContactService.Contact c = contacts.find(scope.id(), id).orElseThrow(() -> new NotFound());
        if (c.channel().equals("rdv")) {
            throw new NotFound("Un rendez-vous se modifie dans l'agenda.");
        }
        return c;
    }

    private List<String> knownThemes(CentreScope scope) {
        return themes.list(scope.id()).stream().map(ThemeService.Theme::code).toList();
    }

    /** The agenda shown first: one's own when one is of the team, else the first of the team. */
    private static Long defaultStaff(CentreScope scope, List<UserService.Membership> team) {
        return team.stream().anyMatch(m -> m.userId() == scope.userId()) ? Long.valueOf(scope.userId())
                : team.isEmpty() ? null : team.get(0).userId();
    }

    private String staffName(CentreScope scope, long staffId) {
        return users.staffOfCentre(scope.id()).stream().filter(m -> m.userId() == staffId)
                .map(UserService.Membership::displayName).findFirst().orElse("Ce membre de l'équipe");
    }

    private static LocalDate dayOrToday(CentreScope scope, String date) {
        if (date == null || date.isBlank()) {
            return scope.today();
        }
        LocalDate day = Checks.date(date);
        if (day == null) {
            throw new Refused("date", Vocabulary.message("date", "la date", date.trim(), "La date"));
        }
        return day;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
