package fr.trame.form;

import fr.trame.TrameTest;
import fr.trame.activities.ActivityService;
import fr.trame.activities.SessionService;
import fr.trame.activities.EvaluationService;
import fr.trame.association.FundingService;
import fr.trame.association.GovernanceService;
import fr.trame.association.PartnerService;
import fr.trame.association.StaffService;
import fr.trame.association.VolunteerService;
import fr.trame.centre.Role;
import fr.trame.reception.ContactService;
import fr.trame.reception.ThemeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code people may meet has a French name in messages.properties: the codes of the migrated schema's check
 * constraints ({@code col in ('a', 'b')}) and those the Java code lists.
 */
@TrameTest
class EveryCodeHasALabelTest {

    /** The kind of label of each coded column ({@code table.column}). */
    private static final Map<String, String> KIND_OF_COLUMN = Map.ofEntries(
            Map.entry("user_roles.role", "role"), Map.entry("persons.sex", "sex"),
            Map.entry("household_members.role", "relationship"), Map.entry("qf_history.source", "qfSource"),
            Map.entry("consents.kind", "consent"), Map.entry("memberships.type", "membershipType"),
            Map.entry("memberships.payment_mode", "paymentMode"), Map.entry("activities.kind", "activityKind"),
            Map.entry("schedules.holidays", "holidays"), Map.entry("enrolments.status", "enrolment"),
            Map.entry("attendance.status", "attendance"), Map.entry("contacts.channel", "channel"),
            Map.entry("contacts.status", "appointment"), Map.entry("bodies.kind", "body"),
            Map.entry("mandates.role", "mandate"), Map.entry("mandates.college", "college"),
            Map.entry("contracts.kind", "contract"), Map.entry("contracts.function", "function"),
            Map.entry("partners.kind", "partner"), Map.entry("grants.status", "grant"),
            Map.entry("network_roles.role", "federation-role"), Map.entry("structures.kind", "structure-kind"),
            Map.entry("structure_statuses.status", "structure-status"),
            Map.entry("structure_memberships.state", "structure-membership"),
            Map.entry("territories.kind", "territory-kind"), Map.entry("structure_contacts.function", "contact-function"),
            Map.entry("structure_agrements.kind", "agrement-kind"),
            Map.entry("accompaniments.kind", "accompaniment-kind"), Map.entry("network_audit.action", "network-action"),
            Map.entry("network_audit.entity", "network-entity"),
            Map.entry("programmes.kind", "programme-kind"), Map.entry("programme_projects.theme", "project-theme"),
            Map.entry("dues_payments.mode", "dues-mode"),
            Map.entry("network_meetings.kind", "meeting-kind"),
            Map.entry("network_meeting_attendance.quality", "attendee-quality"),
            Map.entry("renewal_milestones.kind", "milestone-kind"), Map.entry("renewals.outcome", "renewal-outcome"),
            Map.entry("training_courses.audience", "training-audience"),
            Map.entry("training_courses.modality", "training-modality"), Map.entry("training_trainers.kind", "trainer-kind"),
            Map.entry("training_sessions.status", "session-status"),
            Map.entry("training_sessions.cancel_reason", "cancel-reason"), Map.entry("training_half_days.period", "half-day"),
            Map.entry("training_registrations.quality", "attendee-quality"),
            Map.entry("training_registrations.source", "registration-source"),
            Map.entry("training_registrations.state", "registration-state"),
            Map.entry("training_complaints.channel", "complaint-channel"),
            Map.entry("training_complaints.status", "complaint-status"),
            Map.entry("training_needs.level", "needs-level"),
            Map.entry("training_improvements.source", "improvement-source"),
            Map.entry("training_improvements.status", "improvement-status"),
            Map.entry("training_funds.kind", "fund-kind"),
            Map.entry("training_fund_lines.rule", "fund-rule"),
            Map.entry("network_events.kind", "event-kind"),
            Map.entry("event_registrations.quality", "event-quality"),
            Map.entry("training_requests.audience", "training-audience"),
            Map.entry("senacs_questions.type", "senacs-type"), Map.entry("senacs_questions.rollup", "senacs-rollup"),
            Map.entry("senacs_returns.state", "senacs-state"), Map.entry("senacs_answers.frozen_source", "senacs-source"),
            Map.entry("senacs_structure_returns.state", "senacs-state"),
            Map.entry("training_requests.status", "request-status"),
            Map.entry("evaluation_objectives.reached", "reached"));

    /** Coded columns shown as they are, never through a label (a zone letter, a time zone, a public's own name). */
    private static final Set<String> SHOWN_AS_THEY_ARE = Set.of("centres.time_zone", "centres.school_zone",
            "school_holidays.zone", "activities.public", "reporting_bands.kind", "catalogue_vocabulary.kind");

    private static final Pattern CODE = Pattern.compile("'([^']*)'");

    @Autowired JdbcClient jdbc;

    @Test
    void everyCodeOfTheSchemaHasALabel() {
        List<Map<String, Object>> checks = jdbc.sql("""
                select t.relname as table_name, a.attname as column_name, pg_get_constraintdef(c.oid) as definition
                from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attnum = c.conkey[1]
                where c.contype = 'c' and n.nspname = current_schema() and cardinality(c.conkey) = 1
                  and pg_get_constraintdef(c.oid) like '%ANY (ARRAY[%'""").query().listOfRows();
        assertThat(checks).as("the schema's coded columns").hasSizeGreaterThan(20);
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> check : checks) {
            String column = check.get("table_name") + "." + check.get("column_name");
            if (SHOWN_AS_THEY_ARE.contains(column)) {
                continue;
            }
            String kind = KIND_OF_COLUMN.get(column);
            if (kind == null) {
                missing.add(column + " : colonne codée sans sorte de libellé");
                continue;
            }
            Matcher m = CODE.matcher((String) check.get("definition"));
            while (m.find()) {
                if (!hasLabel(kind, m.group(1))) {
                    missing.add("code." + kind + "." + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyCodeTheJavaCodeListsHasALabel() {
        Map<String, List<String>> lists = Map.ofEntries(
                Map.entry("role", Arrays.stream(Role.values()).map(Role::code).toList()),
                Map.entry("channel", ThemeService.CHANNELS), Map.entry("appointment", ContactService.APPOINTMENT_STATUSES),
                Map.entry("activityKind", ActivityService.KINDS), Map.entry("holidays", SessionService.HOLIDAY_RULES),
                Map.entry("body", GovernanceService.KINDS), Map.entry("mandate", GovernanceService.ROLES),
                Map.entry("college", GovernanceService.COLLEGES), Map.entry("partner", PartnerService.KINDS),
                Map.entry("contract", StaffService.CONTRACTS), Map.entry("function", StaffService.FUNCTIONS),
                Map.entry("volunteer", VolunteerService.CATEGORIES), Map.entry("grant", FundingService.STATUSES),
                Map.entry("grantsCounted", FundingService.STATUSES), Map.entry("reached", EvaluationService.REACHED),
                Map.entry("members", List.of("persons", "households", "organisations", "memberships", "individual")),
                Map.entry("memberRecords", List.of("persons", "households", "organisations", "memberships", "individual")),
                Map.entry("indicator", List.of("memberships", "households", "persons", "individual", "organisations",
                        "contacts", "anonymousContacts", "bySex", "byAgeBand", "byQuartier", "qpv", "byQfBand")));
        List<String> missing = new ArrayList<>();
        lists.forEach((kind, codes) -> codes.stream().filter(code -> !hasLabel(kind, code))
                .forEach(code -> missing.add("code." + kind + "." + code)));
        assertThat(missing).isEmpty();
    }

    @Test
    void aBareCodeIsNamedTheSameInEveryKindItIsLookedUpIn() {
        // label(code) takes the first kind naming it: two kinds naming one code differently would depend on the order
        assertThat(Vocabulary.label("accueil")).isEqualTo("Accueil");
        assertThat(Vocabulary.label("animateur")).isEqualTo("Animation");
        assertThat(Vocabulary.label("role", "animateur")).isEqualTo("Animateur");
        assertThat(Vocabulary.label("rdv")).isEqualTo("Rendez-vous");
        assertThat(Vocabulary.label("Secteur jeunesse")).isEqualTo("Secteur jeunesse");
        assertThat(Role.DIRECTION.label()).isEqualTo("Direction");
    }

    private static boolean hasLabel(String kind, String code) {
        String label = Vocabulary.message("code." + kind + "." + code);
        return label != null && !label.isBlank();
    }
}
