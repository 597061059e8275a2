package fr.trame.activities;

import fr.trame.form.Bands;
import fr.trame.form.Checks;
import fr.trame.form.Form;
import org.springframework.validation.Errors;

/** The activity form as typed (the page shows it back so); {@link #validate} checks it, {@link #values} reads it. */
class ActivityForm implements Form {
    private String ref;
    private String name;
    private Long sectorId;
    private String kind = "atelier";
    private String publicLabel = "";
    private String ageMin;
    private String ageMax;
    private String capacity;
    private String place;
    private Long referentUserId;
    private String priceNote;
    private Long seasonId;
    private String ageBands;

    @Override
    public void validate(Errors errors) {
        Checks.required(errors, "name", name);
        if (sectorId == null && !errors.hasFieldErrors("sectorId")) {
            errors.rejectValue("sectorId", "choice");
        }
        if (!ActivityService.KINDS.contains(kind == null ? "" : kind)) {
            errors.rejectValue("kind", "choice");
        }
        Integer min = whole(errors, "ageMin", ageMin, 0);
        Integer max = whole(errors, "ageMax", ageMax, 0);
        if (min != null && max != null && max < min) {
            errors.rejectValue("ageMax", "ageMaxBelowMin");
        }
        whole(errors, "capacity", capacity, 1);
        if (Checks.clean(ageBands) != null) {
            try {
                Bands.parse(ageBands);
            } catch (IllegalArgumentException e) {
                errors.rejectValue("ageBands", "bands", new Object[] {e.getMessage()}, null);
            }
        }
    }

    /** The values of a valid form. */
    ActivityService.Values values() {
        String pub = ActivityService.PUBLICS.contains(publicLabel == null ? "" : publicLabel) ? publicLabel : null;
        String bands = Checks.clean(ageBands) == null ? null : Bands.parse(ageBands).text().replace(" ", "");
        return new ActivityService.Values(Checks.clean(ref), Checks.clean(name), sectorId, kind, pub, number(ageMin),
                number(ageMax), number(capacity), Checks.clean(place), referentUserId, Checks.clean(priceNote), seasonId, bands);
    }

    /** A whole number of at most four digits, {@code min} or more; code {@code wholeAtLeast}. */
    private static Integer whole(Errors errors, String field, String value, int min) {
        String v = Checks.clean(value);
        if (v == null) {
            return null;
        }
        if (!v.matches("\\d{1,4}") || Integer.parseInt(v) < min) {
            errors.rejectValue(field, "wholeAtLeast", new Object[] {min}, null);
            return null;
        }
        return Integer.parseInt(v);
    }

    private static Integer number(String value) {
        String v = Checks.clean(value);
        return v == null ? null : Integer.valueOf(v);
    }

    static ActivityForm of(ActivityService.Activity a) {
        ActivityForm f = new ActivityForm();
        f.ref = a.ref();
        f.name = a.name();
        f.sectorId = a.sectorId();
        f.kind = a.kind();
        f.publicLabel = a.publicLabel() == null ? "" : a.publicLabel();
        f.ageMin = a.ageMin() == null ? null : a.ageMin().toString();
        f.ageMax = a.ageMax() == null ? null : a.ageMax().toString();
        f.capacity = a.capacity() == null ? null : a.capacity().toString();
        f.place = a.place();
        f.referentUserId = a.referentUserId();
        f.priceNote = a.priceNote();
        f.seasonId = a.seasonId();
        f.ageBands = a.ageBands();
        return f;
    }

    public String getRef() { return ref; }
    public void setRef(String ref) { this.ref = ref; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getSectorId() { return sectorId; }
    public void setSectorId(Long sectorId) { this.sectorId = sectorId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getPublicLabel() { return publicLabel; }
    public void setPublicLabel(String publicLabel) { this.publicLabel = publicLabel; }
    public String getAgeMin() { return ageMin; }
    public void setAgeMin(String ageMin) { this.ageMin = ageMin; }
    public String getAgeMax() { return ageMax; }
    public void setAgeMax(String ageMax) { this.ageMax = ageMax; }
    public String getCapacity() { return capacity; }
    public void setCapacity(String capacity) { this.capacity = capacity; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public Long getReferentUserId() { return referentUserId; }
    public void setReferentUserId(Long referentUserId) { this.referentUserId = referentUserId; }
    public String getPriceNote() { return priceNote; }
    public void setPriceNote(String priceNote) { this.priceNote = priceNote; }
    public String getAgeBands() { return ageBands; }
    public void setAgeBands(String ageBands) { this.ageBands = ageBands; }
    public Long getSeasonId() { return seasonId; }
    public void setSeasonId(Long seasonId) { this.seasonId = seasonId; }
}
