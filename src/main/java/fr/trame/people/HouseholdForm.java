package fr.trame.people;

import fr.trame.form.FieldErrors;

/** The household form as typed; {@link #validate} turns it into values or field errors. */
public class HouseholdForm {
    private String ref;
    private String address;
    private String postcode;
    private String commune;
    private Long quartierId;
    private String qpv = "";
    private String cafNumber;
    private String notes;
    private String qf;

    public record Values(String ref, String address, String postcode, String commune, Long quartierId, Boolean qpv,
                         String cafNumber, String notes, Integer qf) {
    }

    public Values validate(FieldErrors errors) {
        String pc = Forms.clean(postcode);
        if (pc != null && !pc.matches("\\d{5}")) {
            errors.add("postcode", "Le code postal compte 5 chiffres.");
        }
        String caf = Forms.clean(cafNumber);
        if (caf != null && !caf.matches("\\d{4,10}")) {
            errors.add("cafNumber", "Le numéro d'allocataire ne contient que des chiffres (4 à 10).");
        }
        Integer qfValue = Forms.wholeEuros(qf, "qf", errors);
        Boolean qpvValue = switch (qpv == null ? "" : qpv) {
            case "oui" -> Boolean.TRUE;
            case "non" -> Boolean.FALSE;
            default -> null;
        };
        return new Values(Forms.clean(ref), Forms.clean(address), pc, Forms.clean(commune), quartierId, qpvValue, caf,
                Forms.clean(notes), qfValue);
    }

    public static HouseholdForm of(HouseholdService.Household h) {
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
