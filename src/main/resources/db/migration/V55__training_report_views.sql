-- The training funds' envelopes as the federation's annual report reads them: sums only.
create view training_fund_envelope_facts as
    select e.federation_id, e.id as envelope_id, e.fund_id, f.name as fund_name, f.kind as fund_kind, e.year,
           e.amount_cents, e.levy_due_cents,
           (select count(*) from training_fund_lines l where l.federation_id = e.federation_id and l.envelope_id = e.id)
               as lines
    from training_fund_envelopes e
    join training_funds f on f.federation_id = e.federation_id and f.id = e.fund_id;
