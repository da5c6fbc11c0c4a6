/**
 * e-postpolicy: reads a Swedish public authority's e-mail, turns it into facts, runs that
 * organisation's policy as a versioned Drools rule pack, and says what must happen to the message.
 *
 * <p>Start at {@link se.epostpolicy.engine.PolicyEngine}. Read mail with
 * {@link se.epostpolicy.mail.MailReader}. Every failure is a {@link se.epostpolicy.PolicyException}.
 */
package se.epostpolicy;
