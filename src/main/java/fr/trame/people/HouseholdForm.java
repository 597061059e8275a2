package fr.trame.people;

import fr.trame.form.Checks;
import fr.trame.form.Form;
import org.springframework.validation.Errors;

/** The household form as typed (the page shows it back so); {@link #validate} checks it, {@link #values} reads it. */
class HouseholdForm implements Form {
    private String ref;
    private String address;
    private String postcode;
    private String commune;
    private Long quartierId;
    private String qpv = "";
    private String cafNumber;
    private String notes;
    private String qf;

    @Override
    public void validate(Errors errors) {
        String pc = Checks.clean(postcode);
        if (pc != null && !pc.matches("\\d{5}")) {
            errors.rejectValue("postcode", "postcode");
        }
        String caf = Checks.clean(cafNumber);
        if (caf != null && !caf.matches("\\d{4,10}")) {
            errors.rejectValue("cafNumber", "cafNumber");
        }
        String q = Checks.clean(qf);
        if (q != null && !q.matches("\\d{1,6}")) {
            errors.rejectValue("qf", "wholeEuros");
        }
    }

    /** The values of a valid form. */
    HouseholdService.Values values() {
        Boolean qpvValue = switch (qpv == null ? "" : qpv) {
            case "oui" -> Boolean.TRUE;
            case "non" -> Boolean.FALSE;
            default -> null;
        };
        String q = Checks.clean(qf);
        return new HouseholdService.Values(Checks.clean(ref), Checks.clean(address), Checks.clean(postcode),
                Checks.clean(commune), quartierId, qpvValue, Checks.clean(cafNumber), Checks.clean(notes),
                q == null || !q.matches("\\d{1,6}") ? null : Integer.valueOf(q));
    }

    static HouseholdForm of(HouseholdService.Household h) {
        HouseholdForm f = new HouseholdForm();
        f.ref = h.ref();
        f.address = h.address();
        f.postcode = h.postcode();
        f.commune = h.commune();
        f.quartierId = h.quartierId();
        f.qpv = h.qpv() == null ? "" : h.qpv() ? "oui" : "non";
        f.cafNumber = h.cafNumber();
        f.notes = h.notes();
        return f;
    }

    public String getRef() { return ref; }
    public void setRef(String ref) { this.ref = ref; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = postcode; }
    public String getCommune() { return commune; }
    public void setCommune(String commune) { this.commune = commune; }
    public Long getQuartierId() { return quartierId; }
    public void setQuartierId(Long quartierId) { this.quartierId = quartierId; }
    public String getQpv() { return qpv; }
    public void setQpv(String qpv) { this.qpv = qpv; }
    public String getCafNumber() { return cafNumber; }
    public void setCafNumber(String cafNumber) { this.cafNumber = cafNumber; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getQf() { return qf; }
    public void setQf(String qf) { this.qf = qf; }
}
