package fr.trame.activities;

import fr.trame.form.FieldErrors;

/** The activity form as typed. */
class ActivityForm {
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

    public ActivityService.Values validate(FieldErrors errors) {
        String n = clean(name);
        if (n == null) {
            errors.add("name", "Le nom de l'activité est obligatoire.");
        }
        if (sectorId == null) {
            errors.add("sectorId", "Choisissez le secteur.");
        }
        String k = ActivityService.KINDS.contains(kind) ? kind : null;
        if (k == null) {
            errors.add("kind", "Type d'activité inconnu.");
        }
        Integer min = whole(ageMin, "ageMin", 0, errors);
        Integer max = whole(ageMax, "ageMax", 0, errors);
        if (min != null && max != null && max < min) {
            errors.add("ageMax", "L'âge maximum est inférieur à l'âge minimum.");
        }
        Integer cap = whole(capacity, "capacity", 1, errors);
        String pub = ActivityService.PUBLICS.contains(publicLabel) ? publicLabel : null;
        String bands = null;
        if (clean(ageBands) != null) {
            try {
                bands = fr.trame.form.Bands.parse(ageBands).text().replace(" ", "");
            } catch (IllegalArgumentException e) {
                errors.add("ageBands", e.getMessage());
            }
        }
        return new ActivityService.Values(clean(ref), n, sectorId == null ? 0 : sectorId, k, pub, min, max, cap,
                clean(place), referentUserId, clean(priceNote), seasonId, bands);
    }

    private static Integer whole(String value, String field, int min, FieldErrors errors) {
        String v = clean(value);
        if (v == null) {
            return null;
        }
        if (!v.matches("\\d{1,4}") || Integer.parseInt(v) < min) {
            errors.add(field, "Nombre entier attendu (" + min + " ou plus).");
            return null;
        }
        return Integer.parseInt(v);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static ActivityForm of(ActivityService.Activity a) {
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
