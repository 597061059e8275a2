package fr.trame.form;

/** A refusal because of the state of a record (an anonymised person changes no more): 409 when shown on its own. */
public class Conflict extends Refused {

    public Conflict(String message) {
        super(message);
    }
}
