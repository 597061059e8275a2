package fr.trame.people;

import fr.trame.form.Checks;
import fr.trame.form.Form;
import org.springframework.validation.Errors;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** The person form as typed (the page shows it back so); {@link #validate} checks it, {@link #values} reads it. */
class PersonForm implements Form {
    private String lastName;
    private String firstName;
    private String sex = "";
    private String birthDate;
    private String phone;
    private String email;
    private String schoolLevel;
    /** Empty: by age, an adult (or a person of unknown age) is a responsable of the household, a minor an enfant. */
    private String role = "";
    private boolean confirmDuplicate;

    /** Age of majority: the default relationship of a minor added to a household is enfant. */
    static final int ADULT = 18;

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
                Checks.clean(email), Checks.clean(schoolLevel), r);
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
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public boolean isConfirmDuplicate() { return confirmDuplicate; }
    public void setConfirmDuplicate(boolean confirmDuplicate) { this.confirmDuplicate = confirmDuplicate; }
}
