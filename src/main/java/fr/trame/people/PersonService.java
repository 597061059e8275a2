package fr.trame.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persons of a centre, their household links and consents. */
@Service
public class PersonService {

    /**
     * A person as pages, the API and exports show them. Their situation of disability is not here: it is read by
     * {@link #disability} only, for a user who holds its permission, so no page or list can print it by mistake.
     */
    public record Person(long id, String ref, String lastName, String firstName, String sex, LocalDate birthDate,
                         String phone, String email, String schoolLevel, String school, OffsetDateTime createdAt,
                         OffsetDateTime anonymisedAt) {
        public String fullName() {
            return firstName + " " + lastName;
        }

        public boolean anonymised() {
            return anonymisedAt != null;
        }
    }

    public record Link(long householdId, String householdLabel, String role, boolean principal, LocalDate startDate,
                       LocalDate endDate) {
    }

    public record Consent(long id, String kind, boolean granted, LocalDate givenOn) {
    }

    public record Lookalike(long id, String lastName, String firstName, LocalDate birthDate, Long householdId) {
    }

    private static final String COLUMNS = "id, ref, last_name, first_name, sex, birth_date, phone, email, school_level,"
            + " school, created_at, anonymised_at";

    /** What an anonymised person is called wherever a name is shown (first name, last name). */
    private static final String ANONYMOUS_FIRST_NAME = "Personne";
    private static final String ANONYMOUS_LAST_NAME = "anonymisée";

    private final JdbcClient jdbc;
    private final FlagService flags;

    public PersonService(JdbcClient jdbc, FlagService flags) {
        this.jdbc = jdbc;
        this.flags = flags;
    }

    /**
     * What the person form adds to {@link Values}: the situation flags ticked, and the disability answer, applied only
     * when {@code withDisability} (the user holds its permission; otherwise the stored answer stays as it is).
     */
    public record Details(List<Long> flagIds, boolean withDisability, Boolean disability) {
    }

    /** {@link #create} with the form's details, in one transaction. */
    @Transactional
    public long create(long centreId, long householdId, Values v, Details d) {
        long id = create(centreId, householdId, v);
        saveDetails(centreId, id, d);
        return id;
    }

    /** {@link #update} with the form's details, in one transaction; whether the disability answer changed. */
    @Transactional
    public boolean update(long centreId, long id, Values v, Details d) {
        update(centreId, id, v);
        return saveDetails(centreId, id, d);
    }

    private boolean saveDetails(long centreId, long id, Details d) {
        flags.setOfPerson(centreId, id, d.flagIds());
        return d.withDisability() && setDisability(centreId, id, d.disability());
    }

    public Optional<Person> find(long centreId, long id) {
        return jdbc.sql("select " + COLUMNS + " from persons where centre_id = ? and id = ?")
                .params(centreId, id).query(Person.class).optional();
    }

    public List<Link> links(long centreId, long personId) {
        return jdbc.sql("select hm.household_id, " + HouseholdService.LABEL + " as household_label, hm.role, hm.principal,"
                        + " hm.start_date, hm.end_date"
                        + " from household_members hm join households h on h.centre_id = hm.centre_id and h.id = hm.household_id"
                        + " where hm.centre_id = ? and hm.person_id = ? order by hm.principal desc, hm.id")
                .params(centreId, personId).query(Link.class).list();
    }

    /** Persons whose name looks like this one and whose birth date, when both are known, is the same. */
    public List<Lookalike> lookalikes(long centreId, String lastName, String firstName, LocalDate birthDate) {
        return jdbc.sql("""
                select p.id, p.last_name, p.first_name, p.birth_date,
                       (select hm.household_id from household_members hm
                        where hm.centre_id = p.centre_id and hm.person_id = p.id order by hm.principal desc limit 1)
                from persons p
                where p.centre_id = :centre and p.anonymised_at is null
                  and p.search_name % trame_fold(:name)
                  and similarity(p.search_name, trame_fold(:name)) >= 0.5
                  and (:birth::date is null or p.birth_date is null or p.birth_date = :birth::date)
                order by similarity(p.search_name, trame_fold(:name)) desc limit 5""")
                .param("centre", centreId).param("name", lastName + " " + firstName).param("birth", birthDate)
                .query(Lookalike.class).list();
    }

    /** A person's fields, as the form gives them. */
    public record Values(String lastName, String firstName, String sex, LocalDate birthDate, String phone, String email,
                         String schoolLevel, String school, String role) {

        /** Without a school. */
        public Values(String lastName, String firstName, String sex, LocalDate birthDate, String phone, String email,
                      String schoolLevel, String role) {
            this(lastName, firstName, sex, birthDate, phone, email, schoolLevel, null, role);
        }
    }

    /**
     * Creates the person and attaches them to the household, with no start date (like an import): someone registered
     * today usually lived there already, and a familiale membership covers the persons attached on its start date.
     */
    @Transactional
    public long create(long centreId, long householdId, Values v) {
        long id = jdbc.sql("""
                insert into persons (centre_id, last_name, first_name, sex, birth_date, phone, email, school_level, school)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(centreId, v.lastName(), v.firstName(), v.sex(), v.birthDate(), v.phone(), v.email(),
                        v.schoolLevel(), v.school())
                .query(Long.class).single();
        attach(centreId, householdId, id, v.role(), null);
        return id;
    }

    @Transactional
    public void update(long centreId, long id, Values v) {
        jdbc.sql("""
                update persons set last_name = ?, first_name = ?, sex = ?, birth_date = ?, phone = ?, email = ?,
                       school_level = ?, school = ?, updated_at = now()
                where centre_id = ? and id = ?""")
                .params(v.lastName(), v.firstName(), v.sex(), v.birthDate(), v.phone(), v.email(), v.schoolLevel(),
                        v.school(), centreId, id)
                .update();
    }

    /**
     * The person's situation of disability: true, false, or null when not known. For a user holding its permission
     * only ({@code CentreScope#seesDisability}): the caller checks it and writes the read to the audit log.
     */
    public Boolean disability(long centreId, long personId) {
        return jdbc.sql("select disability from persons where centre_id = ? and id = ?").params(centreId, personId)
                .query((rs, n) -> (Boolean) rs.getObject(1)).optional().orElse(null);
    }

    /** Records the situation of disability (null: not known); whether it changed. Same rule as {@link #disability}. */
    @Transactional
    public boolean setDisability(long centreId, long personId, Boolean disability) {
        return 0 < jdbc.sql("""
                update persons set disability = cast(? as boolean), updated_at = now()
                where centre_id = ? and id = ? and disability is distinct from cast(? as boolean)""")
                .params(disability, centreId, personId, disability).update();
    }

    /** Adds a dated link; the first current link of a person is their principal household. */
    @Transactional
    public void attach(long centreId, long householdId, long personId, String role, LocalDate from) {
        jdbc.sql("""
                insert into household_members (centre_id, household_id, person_id, role, principal, start_date)
                select :centre, :household, :person, :role,
                       not exists (select 1 from household_members
                                   where centre_id = :centre and person_id = :person and principal and end_date is null),
                       :from
                where exists (select 1 from households where centre_id = :centre and id = :household)
                  and not exists (select 1 from household_members where centre_id = :centre and household_id = :household
                                  and person_id = :person and end_date is null)""")
                .param("centre", centreId).param("household", householdId).param("person", personId)
                .param("role", role).param("from", from).update();
    }

    /** Ends the person's current link to the household (moving out, end of custody). */
    @Transactional
    /** Whether a running link was ended (false: no such link in this centre). */
    public boolean detach(long centreId, long householdId, long personId, LocalDate on) {
        return 0 < jdbc.sql("""
                update household_members set end_date = ?, principal = false
                where centre_id = ? and household_id = ? and person_id = ? and end_date is null""")
                .params(on, centreId, householdId, personId).update();
    }

    @Transactional
    /** Whether the person has a running link to that household in this centre, which is now their principal one. */
    public boolean makePrincipal(long centreId, long householdId, long personId) {
        return 0 < jdbc.sql("""
                update household_members set principal = (household_id = ?)
                where centre_id = ? and person_id = ? and end_date is null
                  and exists (select 1 from household_members m where m.centre_id = ? and m.person_id = ?
                              and m.household_id = ? and m.end_date is null)""")
                .params(householdId, centreId, personId, centreId, personId, householdId).update();
    }

    public List<Consent> consents(long centreId, long personId) {
        return jdbc.sql("""
                select id, kind, granted, given_on from consents where centre_id = ? and person_id = ?
                order by given_on desc, id desc""")
                .params(centreId, personId).query(Consent.class).list();
    }

    @Transactional
    public void recordConsent(long centreId, long personId, String kind, boolean granted, LocalDate on) {
        jdbc.sql("insert into consents (centre_id, person_id, kind, granted, given_on) values (?, ?, ?, ?, ?)")
                .params(centreId, personId, kind, granted, on).update();
    }

    public long count(long centreId) {
        return jdbc.sql("select count(*) from persons where centre_id = ?").param(centreId).query(Long.class).single();
    }

    /**
     * Anonymises the persons: names replaced, contact details, reference, school, school level, situation of disability
     * and situation flags removed, consents deleted.
     * Sex, household links and each given birth date (chosen by the caller so that no figure moves) are kept; the date
     * of a first anonymisation stays.
     */
    @Transactional
    public void anonymise(long centreId, Collection<Long> personIds, Map<Long, LocalDate> keptBirthDates) {
        Long[] ids = personIds.toArray(Long[]::new);
        String[] births = personIds.stream().map(keptBirthDates::get).map(d -> d == null ? null : d.toString())
                .toArray(String[]::new);
        jdbc.sql("""
                update persons p set first_name = :first, last_name = :last, birth_date = cast(k.birth as date), ref = null,
                       phone = null, email = null, school_level = null, school = null, disability = null,
                       anonymised_at = coalesce(p.anonymised_at, now()),
                       updated_at = now()
                from unnest(cast(:ids as bigint[]), cast(:births as text[])) as k(id, birth)
                where p.centre_id = :centre and p.id = k.id""")
                .param("first", ANONYMOUS_FIRST_NAME).param("last", ANONYMOUS_LAST_NAME).param("ids", ids)
                .param("births", births).param("centre", centreId).update();
        jdbc.sql("delete from consents where centre_id = ? and person_id = any(?)").params(centreId, ids).update();
        flags.forgetOf(centreId, personIds);
    }

    /** A consent given or refused by a person on a day. */
    public record NewConsent(long personId, String kind, boolean granted, LocalDate givenOn) {
    }

    /** {@link #recordConsent} for many consents at once, set-based (a register taken over with its consents). */
    @Transactional
    public void recordConsents(long centreId, List<NewConsent> consents) {
        jdbc.sql("""
                insert into consents (centre_id, person_id, kind, granted, given_on)
                select :centre, c.person_id, c.kind, c.granted, cast(c.given_on as date)
                from unnest(cast(:persons as bigint[]), cast(:kinds as text[]), cast(:granted as boolean[]),
                            cast(:days as text[])) as c(person_id, kind, granted, given_on)""")
                .param("centre", centreId)
                .param("persons", consents.stream().map(NewConsent::personId).toArray(Long[]::new))
                .param("kinds", consents.stream().map(NewConsent::kind).toArray(String[]::new))
                .param("granted", consents.stream().map(NewConsent::granted).toArray(Boolean[]::new))
                .param("days", consents.stream().map(c -> c.givenOn().toString()).toArray(String[]::new))
                .update();
    }
}
