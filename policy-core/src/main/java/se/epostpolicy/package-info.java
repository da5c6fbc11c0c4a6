/**
 * e-postpolicy: reads a Swedish public authority's e-mail, turns it into facts, runs that
 * organisation's policy as a versioned Drools rule pack, and says what must happen to the message.
 *
 * <p>Start at {@link se.epostpolicy.engine.PolicyEngine}. Read mail with
 * {@link se.epostpolicy.mail.MailReader}. Every failure is a {@link se.epostpolicy.PolicyException}.
 *
 * <h2>Glossary</h2>
 * <dl>
 * <dt>policy</dt><dd>an organisation's e-mail policy document (Region Värmland's, Huddinge's…), the
 *     source the rules cite.</dd>
 * <dt>pack</dt><dd>that policy as data: a folder {@code <id>/<version>/} of rule files, a manifest
 *     ({@code pack.yaml}) and a vocabulary; named {@code id@version}. The command line's
 *     {@code --policy} and the JSON key {@code policy} take a pack reference.</dd>
 * <dt>rule</dt><dd>one paragraph of a policy as a Drools rule, with the catalogue id it
 *     implements ({@code VRM-02}), its citation and its reason.</dd>
 * <dt>outcome</dt><dd>what a rule gives: a {@link se.epostpolicy.engine.Verdict} (register, journal,
 *     delete, forbidden to send: what must happen) or a {@link se.epostpolicy.engine.Notice}
 *     (what else to do or know).</dd>
 * <dt>hit</dt><dd>one outcome of one rule that fired, kept or set aside by precedence.</dd>
 * <dt>decision</dt><dd>the final verdicts and notices for one message, with every hit.</dd>
 * <dt>e-mail and message</dt><dd>{@link se.epostpolicy.mail.Email} is the mail as read (headers,
 *     text, attachments); {@link se.epostpolicy.facts.Message} is the fact the rules test (direction,
 *     markers, derived properties), made from it.</dd>
 * <dt>marker</dt><dd>a finding of a detector in the text (patient data, an identity number, a
 *     threat…), with its location and masked evidence.</dd>
 * <dt>vocabulary</dt><dd>a pack's word lists and patterns from which markers are found.</dd>
 * <dt>profile</dt><dd>what a pack knows of its organisation: internal domains, authority mailboxes.</dd>
 * </dl>
 */
package se.epostpolicy;
