package fr.trame.people;

import fr.trame.form.FieldErrors;
import fr.trame.form.Parse;

import java.time.LocalDate;

/** The person form as typed; {@link #validate} turns it into values or field errors. */
public class PersonForm {
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

    public record Values(String lastName, String firstName, String sex, LocalDate birthDate, String phone, String email,
                         String schoolLevel, String role) {
    }

    /** Age of majority: the default relationship of a minor added to a household is enfant. */
    static final int ADULT = 18;

    public Values validate(FieldErrors errors) {
        String last = Forms.clean(lastName);
        String first = Forms.clean(firstName);
        if (last == null) {
            errors.add("lastName", "Le nom est obligatoire.");
        }
        if (first == null) {
            errors.add("firstName", "Le prénom est obligatoire.");
        }
        LocalDate birth = Forms.date(birthDate, "birthDate", errors);
        if (birth != null && birth.isAfter(LocalDate.now(java.time.ZoneOffset.MAX))) {
            errors.add("birthDate", "La date de naissance est dans le futur.");
        }
        if (birth != null && birth.isBefore(LocalDate.of(1900, 1, 1))) {
            errors.add("birthDate", "La date de naissance est trop ancienne.");
        }
        String mail = Forms.clean(email);
        if (mail != null && !Parse.isEmail(mail)) {
            errors.add("email", "Adresse électronique invalide (exemple : nom@exemple.fr).");
        }
        String tel = Forms.clean(phone);
        if (tel != null && !tel.matches("[+0-9 .()-]{6,20}")) {
            errors.add("phone", "Numéro de téléphone invalide.");
        }
        String s = "F".equals(sex) || "M".equals(sex) ? sex : null;
        String r = switch (role == null ? "" : role) {
            case "responsable", "enfant", "autre" -> role;
            default -> birth != null && birth.plusYears(ADULT).isAfter(LocalDate.now()) ? "enfant" : "responsable";
        };
        return new Values(last, first, s, birth, tel, mail, Forms.clean(schoolLevel), r);
    }

    public static PersonForm of(PersonService.Person p) {
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
