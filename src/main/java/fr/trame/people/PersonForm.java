package fr.trame.people;

import fr.trame.form.Checks;
import fr.trame.form.Form;
import org.springframework.validation.Errors;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The person form as typed (the page shows it back so); {@link #validate} checks it, {@link #values} reads it. */
class PersonForm implements Form {
    private String lastName;
    private String firstName;
    private String sex = "";
    private String birthDate;
    private String phone;
    private String email;
    private String schoolLevel;
    private String school;
    /** The situation flags ticked (ids of the centre's flags; others are ignored when saved). */
    private List<Long> flags = new ArrayList<>();
    /**
     * oui, non, or empty (not known). Bound for everyone but read by the controller only for a user holding the
     * disability permission: a forged field from anyone else changes nothing.
     */
    private String disability = "";
    /** Empty: by age, an adult (or a person of unknown age) is a responsable of the household, a minor an enfant. */
    private String role = "";
    private boolean confirmDuplicate;

    /** Age of majority: the default relationship of a minor added to a household is enfant. */
    static final int ADULT = 18;
    static final int SCHOOL_MAX = 200;
    static final int SCHOOL_LEVEL_MAX = 100;

    @Override
    public void validate(Errors errors) {
        Checks.required(errors, "lastName", lastName);
        Checks.required(errors, "firstName", firstName);
        LocalDate birth = Checks.date(errors, "birthDate", birthDate);
        if (birth != null && birth.isAfter(LocalDate.now(ZoneOffset.MAX))) {
            errors.rejectValue("birthDate", "future");
        }
        if (birth != null && birth.isBefore(LocalDate.of(1900, 1, 1))) {
            errors.rejectValue("birthDate", "tooOld");
        }
        Checks.email(errors, "email", email);
        Checks.text(errors, "school", school, false, SCHOOL_MAX);
        Checks.text(errors, "schoolLevel", schoolLevel, false, SCHOOL_LEVEL_MAX);
        String tel = Checks.clean(phone);
        if (tel != null && !tel.matches("[+0-9 .()-]{6,20}")) {
            errors.rejectValue("phone", "phone");
        }
    }

    /** The values of a valid form. */
    PersonService.Values values() {
        LocalDate birth = Checks.date(birthDate);
        String s = "F".equals(sex) || "M".equals(sex) ? sex : null;
        String r = switch (role == null ? "" : role) {
            case "responsable", "enfant", "autre" -> role;
            default -> birth != null && birth.plusYears(ADULT).isAfter(LocalDate.now()) ? "enfant" : "responsable";
        };
        return new PersonService.Values(Checks.clean(lastName), Checks.clean(firstName), s, birth, Checks.clean(phone),
                Checks.clean(email), Checks.clean(schoolLevel), Checks.clean(school), r);
    }

    /** Checked by the controller for a user holding the disability permission only (others never see the field). */
    void validateDisability(Errors errors) {
        Checks.choice(errors, "disability", disability, List.of("oui", "non"));
    }

    /** The disability answer of a valid form: true, false, or null for not known. */
    Boolean disabilityValue() {
        String d = Checks.clean(disability);
        return d == null ? null : d.equals("oui");
    }

    static String disabilityCode(Boolean disability) {
        return disability == null ? "" : disability ? "oui" : "non";
    }

    static PersonForm of(PersonService.Person p) {
        PersonForm f = new PersonForm();
        f.lastName = p.lastName();
        f.firstName = p.firstName();
        f.sex = p.sex() == null ? "" : p.sex();
        f.birthDate = Forms.display(p.birthDate());
        f.phone = p.phone();
        f.email = p.email();
        f.schoolLevel = p.schoolLevel();
        f.school = p.school();
        return f;
    }

    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getSchoolLevel() { return schoolLevel; }
    public void setSchoolLevel(String schoolLevel) { this.schoolLevel = schoolLevel; }
    public String getSchool() { return school; }
    public void setSchool(String school) { this.school = school; }
    public List<Long> getFlags() { return flags; }
    public void setFlags(List<Long> flags) { this.flags = flags == null ? new ArrayList<>() : flags; }
    public String getDisability() { return disability; }
    public void setDisability(String disability) { this.disability = disability; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public boolean isConfirmDuplicate() { return confirmDuplicate; }
    public void setConfirmDuplicate(boolean confirmDuplicate) { this.confirmDuplicate = confirmDuplicate; }
}
